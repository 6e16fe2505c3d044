package io.localdps.mqtt;

import io.localdps.common.DatabaseOutage;
import io.localdps.registration.DeviceRegistrations;
import io.localdps.registration.DeviceRequest;
import io.localdps.registration.DeviceResponse;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The register and poll requests of one connection, answered one at a time and in order (Java and
 * C take "the next message" as the answer, device-api.md §5.4). DeviceRegistrations is called on
 * the request executor, never on the event loop; the response goes back through the event loop,
 * no sooner than the reply delay after its request arrived (client-compat.md MQTT-7).
 *
 * <p>Everything but {@link #call} runs on the connection's event loop.
 */
final class DeviceRequestQueue {

    /** Devices send one request and wait for its answer; more than this waiting means a broken client. */
    static final int MAX_WAITING = 16;

    private static final Logger log = LoggerFactory.getLogger(DeviceRequestQueue.class);

    /** Where answers go: the session publishes them on the response topic. */
    @FunctionalInterface
    interface Responder {
        void respond(String topic, byte[] payload);
    }

    private record Pending(DpsTopics.Request request, DeviceRequest deviceRequest, long receivedAtNanos) {
    }

    private final DeviceRequest identity;
    private final DeviceRegistrations registrations;
    private final Executor executor;
    private final EventLoop eventLoop;
    private final long replyDelayNanos;
    private final Responder responder;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean closed;

    /** @param identity who is asking: everything of a {@link DeviceRequest} but the body */
    DeviceRequestQueue(DeviceRequest identity, DeviceRegistrations registrations, Executor executor,
                       EventLoop eventLoop, Duration replyDelay, Responder responder) {
        this.identity = identity;
        this.registrations = registrations;
        this.executor = executor;
        this.eventLoop = eventLoop;
        this.replyDelayNanos = replyDelay.toNanos();
        this.responder = responder;
    }

    /** False when too many requests already wait; the caller closes the connection. */
    boolean offer(DpsTopics.Request request, byte[] body) {
        if (waiting.size() >= MAX_WAITING) {
            return false;
        }
        DeviceRequest deviceRequest = new DeviceRequest(identity.idScope(), identity.registrationId(), identity.apiVersion(),
                identity.credentials(), body, identity.transport(), identity.remoteAddress());
        waiting.add(new Pending(request, deviceRequest, eventLoop.ticker().nanoTime()));
        startNext();
        return true;
    }

    /** The connection is gone: drop what waits and ignore the answer in flight. */
    void close() {
        closed = true;
        waiting.clear();
    }

    private void startNext() {
        if (busy || closed || waiting.isEmpty()) {
            return;
        }
        Pending next = waiting.poll();
        busy = true;
        try {
            executor.execute(() -> call(next));
        } catch (RejectedExecutionException full) {
            log.warn("MQTT {}: request executor full, answering 503", identity.registrationId());
            answered(next, unavailable());
        }
    }

    /** On a request thread. */
    private void call(Pending pending) {
        DeviceResponse response = null;
        try {
            response = switch (pending.request()) {
                case DpsTopics.Register register -> registrations.register(pending.deviceRequest());
                case DpsTopics.OperationStatus status -> registrations.operationStatus(pending.deviceRequest(), status.operationId());
            };
            if (response == null) {
                log.error("MQTT {}: DeviceRegistrations returned no response to {}", identity.registrationId(), pending.request());
            }
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                // Nothing was written (each write is one transaction): the device may simply come back.
                log.debug("MQTT {}: database unavailable, answering 503 to {}: {}", identity.registrationId(), pending.request(), e.toString());
                response = error(503, 503000, "The service is temporarily unavailable, retry later", DatabaseOutage.RETRY_AFTER_SECONDS);
            } else {
                log.error("MQTT {}: DeviceRegistrations failed on {}", identity.registrationId(), pending.request(), e);
            }
        } finally {
            // Also after an Error, so the connection is never left waiting for an answer that cannot come.
            DeviceResponse answer = response != null ? response : internalError();
            try {
                eventLoop.execute(() -> answered(pending, answer));
            } catch (RejectedExecutionException shuttingDown) {
                log.debug("MQTT {}: event loop gone, response dropped", identity.registrationId());
            }
        }
    }

    private void answered(Pending pending, DeviceResponse response) {
        long wait = replyDelayNanos - (eventLoop.ticker().nanoTime() - pending.receivedAtNanos());
        if (wait > 0) {
            eventLoop.schedule(() -> deliver(pending, response), wait, TimeUnit.NANOSECONDS);
        } else {
            deliver(pending, response);
        }
    }

    private void deliver(Pending pending, DeviceResponse response) {
        busy = false;
        if (closed) {
            return;
        }
        responder.respond(DpsTopics.responseTopic(response.status(), pending.request().rid(), response.retryAfterSeconds()),
                AsciiJson.bytes(response.body()));
        startNext();
    }

    private static DeviceResponse internalError() {
        return error(500, 500000, "Internal server error", null);
    }

    private static DeviceResponse unavailable() {
        return error(503, 503000, "The service is busy, retry later", 5);
    }

    /** The error body of device-api.md §2.5, for failures that happen before DeviceRegistrations answers. */
    private static DeviceResponse error(int status, int errorCode, String message, Integer retryAfter) {
        String trackingId = UUID.randomUUID().toString();
        String body = "{\"errorCode\":" + errorCode + ",\"trackingId\":\"" + trackingId + "\",\"message\":\"" + message
                + "\",\"timestampUtc\":\"" + Instant.now() + "\"}";
        return new DeviceResponse(status, body, retryAfter, Map.of("x-ms-error-code", String.valueOf(errorCode),
                "x-ms-request-id", trackingId));
    }
}
