package io.localdps.allocation;

import io.localdps.common.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.localdps.allocation.AllocationErrorCodes.CUSTOM_ALLOCATION_FAILED;

/**
 * Calls a custom-allocation webhook (service-api.md §8) and waits for its decision, retrying as Azure
 * does. Blocking: one call can take minutes with the default retry schedule, so the registration
 * worker runs it on its own threads while the device polls and sees {@code assigning}.
 * <p>
 * The webhook URL usually carries a function key ({@code ?code=...}); it is sent as stored but never
 * logged or put into an error message.
 */
@Component
public class WebhookAllocationClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookAllocationClient.class);
    private static final byte[] IGNORED_BODY = new byte[0];

    private final WebhookProperties properties;
    private final WebhookMetrics metrics;
    private final HttpClient http;

    public WebhookAllocationClient(WebhookProperties properties) {
        this(properties, WebhookMetrics.unregistered());
    }

    /** @param metrics optional: a context without meters gets unregistered ones */
    @Autowired
    public WebhookAllocationClient(WebhookProperties properties, ObjectProvider<WebhookMetrics> metrics) {
        this(properties, metrics.getIfAvailable(WebhookMetrics::unregistered));
    }

    WebhookAllocationClient(WebhookProperties properties, WebhookMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        // HTTP/1.1: a plain-http webhook would otherwise get an h2c upgrade attempt that some servers mishandle.
        // No redirects: following one would hand the device's data to a URL nobody configured.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Posts the allocation request and maps the answer per service-api.md §8.4.
     *
     * @param linkedHubs the hubs the webhook may choose from, sent as {@code linkedHubs}
     * @throws InterruptedException when the worker is shut down while waiting; no decision was made,
     *                              so the registration should stay {@code assigning}
     */
    public AllocationDecision allocate(CustomAllocationContext context, List<String> linkedHubs) throws InterruptedException {
        long started = System.nanoTime();
        Decided decided = decide(context, linkedHubs);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (decided.failure() == null) {
            metrics.decided(took);
        } else {
            metrics.failed(decided.failure(), took);
        }
        return decided.decision();
    }

    /** A decision and, when it is a failure, its kind for the metrics. */
    private record Decided(AllocationDecision decision, WebhookMetrics.Failure failure) {
    }

    private Decided decide(CustomAllocationContext context, List<String> linkedHubs) throws InterruptedException {
        URI webhook = webhookUri(context.definition().webhookUrl());
        if (webhook == null) {
            return new Decided(new AllocationDecision.Failed(CUSTOM_ALLOCATION_FAILED,
                    "Custom allocation failed: the enrollment's webhook URL is not a valid http or https URL."),
                    WebhookMetrics.Failure.INVALID_URL);
        }
        String target = withoutQuery(webhook);
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(context.requestBody(linkedHubs))))
                .build();
        for (int call = 1; ; call++) {
            Attempt attempt = send(request);
            if (attempt instanceof Attempt.Answered answered && !isTransient(answered.status())) {
                AllocationDecision decision = WebhookAnswer.interpret(answered.status(), answered.body(), linkedHubs);
                logDecision(target, call, decision);
                return new Decided(decision, decision instanceof AllocationDecision.Assigned ? null
                        : answered.status() == 200 ? WebhookMetrics.Failure.INVALID_ANSWER : WebhookMetrics.Failure.ERROR_STATUS);
            }
            if (attempt instanceof Attempt.Unusable unusable) {
                log.warn("Custom allocation webhook {}: {}", target, unusable.reason());
                return new Decided(new AllocationDecision.Failed(CUSTOM_ALLOCATION_FAILED, "Custom allocation failed: "
                        + unusable.reason() + "."), WebhookMetrics.Failure.INVALID_ANSWER);
            }
            if (call > properties.maxRetries()) {
                log.warn("Custom allocation webhook {}: giving up after {} calls; the last one {}", target, call, attempt.describe());
                return new Decided(gaveUp(attempt, call), attempt instanceof Attempt.Answered
                        ? WebhookMetrics.Failure.ERROR_STATUS : WebhookMetrics.Failure.UNREACHABLE);
            }
            Duration delay = properties.delayBeforeRetry(call);
            log.info("Custom allocation webhook {}: call {} {}; retrying in {} ms", target, call, attempt.describe(), delay.toMillis());
            Thread.sleep(delay);
        }
    }

    /** Azure retries 429 and everything above it, 5xx included (service-api.md §8.4). */
    private static boolean isTransient(int status) {
        return status >= 429;
    }

    private Attempt send(HttpRequest request) throws InterruptedException {
        long maxBytes = properties.maxResponseSize().toBytes();
        // Only a 200 answer is read; for any other status the body does not matter and is thrown away.
        HttpResponse.BodyHandler<byte[]> handler = info -> info.statusCode() == 200
                ? LimitedBody.of(maxBytes)
                : HttpResponse.BodySubscribers.replacing(IGNORED_BODY);
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, handler);
        try {
            // The request timeout may stop counting once the headers arrive; this deadline also covers a body that trickles in.
            HttpResponse<byte[]> answer = response.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Attempt.Answered(answer.statusCode(), answer.body());
        } catch (TimeoutException e) {
            response.cancel(true);
            return new Attempt.Unreachable("timed out after " + properties.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return failure(unwrap(e.getCause()));
        }
    }

    private Attempt failure(Throwable cause) {
        return switch (cause) {
            case LimitedBody.TooLargeException tooLarge -> new Attempt.Unusable("the webhook's answer is larger than "
                    + properties.maxResponseSize().toKilobytes() + " KB");
            case HttpTimeoutException timeout -> new Attempt.Unreachable("timed out after " + properties.timeout().toMillis() + " ms");
            case ConnectException refused -> new Attempt.Unreachable("could not connect");
            // Exception messages of the HTTP client may quote the URL, so only the exception's kind is reported.
            default -> new Attempt.Unreachable("failed with " + cause.getClass().getSimpleName());
        };
    }

    private static Throwable unwrap(Throwable throwable) {
        Throwable current = throwable;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static AllocationDecision.Failed gaveUp(Attempt last, int calls) {
        if (last instanceof Attempt.Answered answered) {
            return new AllocationDecision.Failed(CUSTOM_ALLOCATION_FAILED, "Custom allocation failed with status code: "
                    + answered.status() + " (the webhook was called " + calls + " times).");
        }
        return new AllocationDecision.Failed(CUSTOM_ALLOCATION_FAILED, "Custom allocation failed: the webhook could not be "
                + "reached; it was called " + calls + " times and the last call " + last.describe() + ".");
    }

    private static void logDecision(String target, int call, AllocationDecision decision) {
        switch (decision) {
            case AllocationDecision.Assigned assigned ->
                    log.debug("Custom allocation webhook {} chose {} on call {}", target, assigned.iotHubHostName(), call);
            case AllocationDecision.Failed failed ->
                    log.warn("Custom allocation webhook {} on call {}: {} {}", target, call, failed.errorCode(), failed.errorMessage());
        }
    }

    /** The URL as stored, or null when it cannot be posted to. */
    private static URI webhookUri(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** For logs: scheme, host, port and path, but no query (function keys) and no user info. */
    static String withoutQuery(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    /** What one call to the webhook came to. */
    private sealed interface Attempt {

        String describe();

        record Answered(int status, byte[] body) implements Attempt {
            public String describe() {
                return "answered with status code " + status;
            }
        }

        /** No answer: worth retrying. */
        record Unreachable(String reason) implements Attempt {
            public String describe() {
                return reason;
            }
        }

        /** An answer that no retry will improve. */
        record Unusable(String reason) implements Attempt {
            public String describe() {
                return reason;
            }
        }
    }
}
