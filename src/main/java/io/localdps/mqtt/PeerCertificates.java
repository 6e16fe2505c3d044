package io.localdps.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The client certificate chain of a connection, leaf first; empty when the device sent none. */
@FunctionalInterface
interface PeerCertificates {

    List<X509Certificate> of(Channel channel);

    /** Reads the TLS session; TLS accepted the chain without judging it, DPS validates it later. */
    PeerCertificates FROM_TLS = channel -> {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : tls.engine().getSession().getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return List.copyOf(chain);
        } catch (SSLPeerUnverifiedException noCertificate) {
            return List.of();
        }
    };

    static PeerCertificates none() {
        return channel -> List.of();
    }
}
