package io.localdps.simulator.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A device on HTTPS (device-api.md §4) with {@link HttpClient}: its own client, so its own TLS
 * connection (as a real device has), sending asynchronously and waiting on the device's virtual thread.
 */
public final class HttpsChannel implements RegistrationChannel {

    private final HttpClient client;
    private final String base;
    private final String apiVersion;
    private final Duration timeout;
    private String authorization;

    private HttpsChannel(HttpClient client, String base, String apiVersion, Duration timeout) {
        this.client = client;
        this.base = base;
        this.apiVersion = apiVersion;
        this.timeout = timeout;
    }

    /**
     * A channel for one device; the TLS connection is made by the first request. Host names are
     * checked by the context's trust manager (a trust-all context skips the check).
     */
    public static HttpsChannel open(String host, int port, String idScope, String registrationId, String apiVersion,
                                    Duration timeout, SSLContext tls, Executor executor) {
        SSLParameters parameters = tls.getDefaultSSLParameters();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .sslParameters(parameters).connectTimeout(timeout).executor(executor).build();
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String base = "https://" + authority + ":" + port + "/" + segment(idScope) + "/registrations/" + segment(registrationId);
        return new HttpsChannel(client, base, apiVersion, timeout);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Answer register(String body, String authorization) throws IOException, InterruptedException {
        this.authorization = authorization;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/register?api-version=" + apiVersion))
                .header("Content-Type", "application/json; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request);
    }

    @Override
    public Answer poll(String operationId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/operations/" + segment(operationId) + "?api-version=" + apiVersion)).GET());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(timeout).header("Accept", "application/json").header("User-Agent", "localdps-simulator/1.0");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            Integer retryAfter = response.headers().firstValue("Retry-After").map(HttpsChannel::seconds).orElse(null);
            return new Answer(response.statusCode(), retryAfter, response.body());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            throw new IOException("no HTTPS answer within " + timeout.toSeconds() + " s", e);
        }
    }

    private static Integer seconds(String header) {
        try {
            return Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
