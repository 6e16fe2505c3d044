package io.localdps.https;

import io.localdps.tls.DeviceTlsMaterial;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The device endpoint's own Tomcat connector, next to the console's: TLS 1.2 (the only version the
 * Java device client offers) and 1.3, the {@link DeviceTlsMaterial} as its only certificate, and a
 * client certificate requested but optional and accepted whatever its issuer ({@link AnyClientCertificate}).
 *
 * <p>There is a single, default SSLHostConfig: clients that send no SNI (Java for dot-less host
 * names and IP literals, client-compat.md TLS-3) and clients that send any name get the same
 * certificate. Session resumption is JSSE's default; a resumed session still carries the peer chain.
 */
public final class DeviceHttpsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered,
        ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DeviceHttpsConnector.class);
    private static final String KEY_ALIAS = "device-endpoint";

    private final HttpsProperties properties;
    private final String deviceHost;
    private final ObjectProvider<DeviceTlsMaterial> material;
    private final Runnable onHandshakeFailure;
    private volatile Connector connector;

    DeviceHttpsConnector(HttpsProperties properties, String deviceHost, ObjectProvider<DeviceTlsMaterial> material) {
        this(properties, deviceHost, material, () -> { });
    }

    /** @param onHandshakeFailure called once per connection whose TLS handshake failed */
    DeviceHttpsConnector(HttpsProperties properties, String deviceHost, ObjectProvider<DeviceTlsMaterial> material,
                         Runnable onHandshakeFailure) {
        this.properties = properties;
        this.deviceHost = deviceHost;
        this.material = material;
        this.onHandshakeFailure = onHandshakeFailure;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!properties.enabled()) {
            return;
        }
        if (properties.port() != 0 && properties.port() == factory.getPort()) {
            throw new IllegalStateException("dps.https.port and server.port are both " + properties.port()
                    + "; the device endpoint needs a port of its own");
        }
        Connector created = create(material.getObject());
        factory.addAdditionalConnectors(created);
        connector = created;
    }

    /** After Spring Boot applied {@code server.port}, so a clash with it can be detected. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tells the operator where devices connect, next to the console's URL. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (port() > 0) {
            log.info("LocalDPS HTTPS device endpoint: https://{}:{}/", deviceHost, port());
        }
    }

    /** The port the device endpoint is bound to (the real one when dps.https.port=0), or -1 when disabled or not started. */
    public int port() {
        Connector current = connector;
        return current == null ? -1 : current.getLocalPort();
    }

    /** True for requests that arrived on the device endpoint rather than the console's port. */
    boolean received(HttpServletRequest request) {
        int port = port();
        return port > 0 && request.getLocalPort() == port;
    }

    private Connector create(DeviceTlsMaterial tls) {
        Connector created = new Connector(Http11NioProtocol.class.getName());
        created.setPort(properties.port());
        created.setScheme("https");
        created.setSecure(true);
        // Like Spring Boot's own connector: bind when the application is ready, not while it starts.
        created.setProperty("bindOnInit", "false");
        Http11NioProtocol protocol = (Http11NioProtocol) created.getProtocolHandler();
        protocol.setSSLEnabled(true);
        // JSSE explicitly: AnyClientCertificate is a JSSE trust manager; an OpenSSL engine would ignore it.
        // Watched, so failed handshakes can be counted like the MQTT endpoint's.
        protocol.setSslImplementationName(HandshakeWatchingJsse.class.getName());
        SSLHostConfig ssl = sslHostConfig(tls);
        HandshakeWatchingJsse.watch(ssl, onHandshakeFailure);
        protocol.addSslHostConfig(ssl);
        return created;
    }

    private static SSLHostConfig sslHostConfig(DeviceTlsMaterial tls) {
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setProtocols("TLSv1.2,TLSv1.3");
        ssl.setCertificateVerification("optional_no_ca");
        ssl.setTrustManagerClassName(AnyClientCertificate.class.getName());
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, type(tls.privateKey()));
        String password = randomPassword();
        certificate.setCertificateKeystore(keyStore(tls, password));
        certificate.setCertificateKeystorePassword(password);
        certificate.setCertificateKeyPassword(password);
        certificate.setCertificateKeyAlias(KEY_ALIAS);
        ssl.addCertificate(certificate);
        return ssl;
    }

    private static SSLHostConfigCertificate.Type type(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> SSLHostConfigCertificate.Type.RSA;
            case "EC" -> SSLHostConfigCertificate.Type.EC;
            default -> SSLHostConfigCertificate.Type.UNDEFINED;
        };
    }

    /** In memory only: the key never touches the file system; the password protects nothing and is random. */
    private static KeyStore keyStore(DeviceTlsMaterial tls, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, tls.privateKey(), password.toCharArray(),
                    tls.certificateChain().toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not prepare the device endpoint's key store", e);
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().encodeToString(random);
    }
}
