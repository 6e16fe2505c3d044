package io.localdps.registration;

import io.localdps.LocalDpsApplication;
import io.localdps.common.Json;
import io.localdps.https.DeviceHttpsConnector;
import io.localdps.instance.InstanceService;
import io.localdps.tls.DeviceTlsMaterial;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One whole LocalDPS (console, MQTT and HTTPS device endpoints, worker, sweep) started in this JVM
 * on free ports, sharing a database with the other nodes of a test, and a device's HTTPS client
 * for it. Settings are command-line arguments: they outrank application.properties.
 */
final class ClusterNode implements AutoCloseable {

    private static final String API = "?api-version=2021-06-01";

    private final String name;
    private final ConfigurableApplicationContext context;
    private volatile HttpClient client;

    private ClusterNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    static ClusterNode start(String name, String databaseUrl, Path dataDir, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--server.port=0", "--dps.mqtt.port=0", "--dps.https.port=0",
                "--dps.data-dir=" + dataDir,
                "--dps.admin.password=cluster-test-password-1",
                "--vaadin.devmode.devTools.enabled=false",
                "--spring.application.name=localdps-" + name));
        arguments.addAll(List.of(extraArguments));
        return new ClusterNode(name, new SpringApplicationBuilder(LocalDpsApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String name() {
        return name;
    }

    String idScope() {
        return bean(InstanceService.class).idScope();
    }

    X509Certificate deviceCa() {
        return bean(DeviceTlsMaterial.class).trustAnchor();
    }

    /** PUT register over HTTPS with a SAS token; the answer's status and JSON. */
    Answer register(String registrationId, String sasToken) {
        return send(HttpRequest.newBuilder(uri(registrationId, "/register"))
                .header("Content-Type", "application/json; charset=utf-8").header("Authorization", sasToken)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"registrationId\":\"" + registrationId + "\"}")));
    }

    /** GET operation status over HTTPS. */
    Answer poll(String registrationId, String operationId, String sasToken) {
        return send(HttpRequest.newBuilder(uri(registrationId, "/operations/" + operationId))
                .header("Authorization", sasToken).GET());
    }

    record Answer(int status, JsonNode body) {

        String operationId() {
            return body.path("operationId").asString();
        }

        String outcome() {
            return body.path("status").asString();
        }
    }

    private URI uri(String registrationId, String path) {
        return URI.create("https://localhost:" + bean(DeviceHttpsConnector.class).port() + "/" + idScope()
                + "/registrations/" + registrationId + path + API);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client().send(request.timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Trusts this node's device CA only: the other node must present a certificate from the same CA. */
    private HttpClient client() {
        if (client == null) {
            try {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("device-ca", deviceCa());
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trust);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, factory.getTrustManagers(), null);
                client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                        .connectTimeout(Duration.ofSeconds(10)).build();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return client;
    }

    boolean running() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }
}
