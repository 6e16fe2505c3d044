package io.localdps.serviceapi;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * A back-end application calling the service API over TLS, trusting only the device endpoint's CA.
 * Sends what the Java service client sends (client-compat.md SVC-3), including its stray
 * {@code charset} header and a content type on bodiless requests.
 */
public final class ServiceClient {

    public static final String API_VERSION = "2019-03-31";

    private final HttpClient client;
    private final String base;

    public ServiceClient(X509Certificate trustAnchor, int port) {
        this.base = "https://localhost:" + port;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", trustAnchor);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(30)).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param pathAndQuery e.g. {@code /enrollments/dev-1}; {@code ?api-version=2019-03-31} is added unless a query is given */
    public HttpRequest.Builder request(String method, String pathAndQuery, String token, String body) {
        String url = base + pathAndQuery + (pathAndQuery.contains("?") ? "" : "?api-version=" + API_VERSION);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("accept", "application/json").header("content-type", "application/json")
                .header("charset", "utf-8").header("request-id", "1001")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("authorization", token);
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> call(String method, String pathAndQuery, String token, String body) {
        return send(request(method, pathAndQuery, token, body));
    }
}
