package io.localdps.registration;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A custom allocation webhook that holds every call until released, then assigns the device to one
 * hub: it keeps a node's operation workers busy mid-operation for as long as a test needs.
 */
final class HeldWebhook implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Semaphore arrived = new Semaphore(0);
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    HeldWebhook(String hub) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/allocate", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            arrived.release();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = ("{\"iotHubHostName\":\"" + hub + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/allocate";
    }

    /** Waits until this many calls are being held. */
    void awaitHeldCalls(int calls) throws InterruptedException {
        if (!arrived.tryAcquire(calls, 20, TimeUnit.SECONDS)) {
            throw new AssertionError("the webhook was called fewer than " + calls + " times");
        }
    }

    /** How many calls arrived so far. */
    int calls() {
        return calls.get();
    }

    /** Answers the held calls and every later one at once. */
    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
