package io.localdps.mqtt;

import io.localdps.tls.DeviceTlsMaterial;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.SSLException;
import java.security.cert.X509Certificate;

/**
 * The TLS side of device connections (device-api.md §1, client-compat.md §1): TLS 1.2 for the
 * Java device client and 1.3 for Node; one certificate whatever the SNI (Java sends none for
 * IP literals and dot-less names); a client certificate requested but optional, and accepted
 * whatever its chain, because X.509 attestation validates it in the application against the
 * enrollments' CAs, not against a trust store.
 */
final class MqttTls {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private MqttTls() {
    }

    static SslContext serverContext(DeviceTlsMaterial material) throws SSLException {
        return SslContextBuilder
                .forServer(material.privateKey(), material.certificateChain().toArray(X509Certificate[]::new))
                .protocols(PROTOCOLS)
                .clientAuth(ClientAuth.OPTIONAL)
                .trustManager(InsecureTrustManagerFactory.INSTANCE)
                .build();
    }
}
