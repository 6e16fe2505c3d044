package io.localdps.https;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The device connector's trust manager: accepts every client certificate chain, because DPS
 * validates X.509 devices in the application against enrollments and CA certificates
 * (security.md §3, device-api.md §1), not in TLS against a fixed trust store.
 *
 * <p>Tomcat's JSSE implementation treats {@code certificateVerification="optional_no_ca"} like
 * {@code optional} and verifies against the JVM's default trust store, which would fail every
 * device certificate from a private CA. Its empty accepted-issuers list matters just as much: the
 * CertificateRequest then names no CAs, and clients (Java's key managers among them) only send a
 * certificate whose issuer is in a non-empty list.
 *
 * <p>Tomcat instantiates it by class name ({@code trustManagerClassName}), hence public with a
 * no-argument constructor.
 */
public final class AnyClientCertificate extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Accepted: possession of the key is proven by the handshake; the chain is DPS's to judge.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // As above.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // As above.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The device connector never acts as a TLS client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
