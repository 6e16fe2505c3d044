package io.localdps.allocation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.localdps.common.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A custom-allocation webhook on 127.0.0.1 that answers from a script and records what it received.
 * When the script runs out it repeats its last answer.
 */
final class FakeWebhook implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> hanging = new CopyOnWriteArrayList<>();
    private volatile Reply lastReply = Reply.status(500, "");

    private FakeWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // Several threads: a hanging call must not hold up the retry that follows it.
        server.setExecutor(threads);
        server.start();
    }

    static FakeWebhook start() throws IOException {
        return new FakeWebhook();
    }

    /** Queues answers, in order. */
    FakeWebhook answers(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Where to post to, e.g. {@code url("/api/allocate?code=abc")}. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    int calls() {
        return received.size();
    }

    Received lastRequest() {
        return received.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // A new call means the client gave up on the hanging ones; release them.
            hanging.forEach(CountDownLatch::countDown);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Reply reply = nextReply();
            if (reply instanceof Reply.HangUntilNextCall) {
                CountDownLatch released = new CountDownLatch(1);
                hanging.add(released);
                released.await();
                return;
            }
            Reply.Answer answer = (Reply.Answer) reply;
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            boolean noBody = bytes.length == 0 || answer.status() == 204;
            exchange.sendResponseHeaders(answer.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Reply nextReply() {
        Reply next = script.poll();
        if (next != null) {
            lastReply = next;
        }
        return lastReply;
    }

    @Override
    public void close() {
        hanging.forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }

    sealed interface Reply {

        static Reply status(int status, String body) {
            return new Answer(status, body);
        }

        static Reply ok(String body) {
            return new Answer(200, body);
        }

        /** Answers nothing until the client calls again, i.e. until it has timed out and retried. */
        static Reply hangUntilNextCall() {
            return new HangUntilNextCall();
        }

        record Answer(int status, String body) implements Reply {
        }

        record HangUntilNextCall() implements Reply {
        }
    }

    record Received(String method, String rawPath, String rawQuery, String contentType, byte[] body) {

        JsonNode json() {
            return Json.mapper().readTree(body);
        }
    }
}
