package io.localdps.simulator.transport;

import io.localdps.simulator.Trust;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real TLS server on localhost presenting a certificate for dps.example.com, as a node with an
 * operator's certificate does to its own in-process fleet: the devices verify the chain and,
 * unless told otherwise, the host name.
 */
class TlsFactoryTest {

    private static final X500Name CA = new X500Name("CN=Test Device CA");
    private final KeyPair caKeys = keys();
    private final X509Certificate ca = certificate(CA, CA, caKeys.getPublic(), caKeys.getPrivate(), true, null);
    private SSLServerSocket server;
    private Thread acceptor;

    @BeforeEach
    void serveACertificateForAnotherHost() throws Exception {
        KeyPair serverKeys = keys();
        X509Certificate leaf = certificate(new X500Name("CN=dps.example.com"), CA, serverKeys.getPublic(), caKeys.getPrivate(),
                false, "dps.example.com");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", serverKeys.getPrivate(), new char[0], new X509Certificate[]{leaf, ca});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                } catch (IOException ignored) {
                    // a refused handshake or the server closing
                }
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        acceptor.join(5_000);
    }

    @Test
    void aDeviceCheckingTheHostNameRefusesACertificateForAnotherHost() {
        assertThatThrownBy(() -> handshake(Trust.certificates(ca))).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aDeviceTrustingTheCaForAnyHostAcceptsTheCertificateButStillVerifiesTheChain() throws Exception {
        KeyPair otherKeys = keys();
        X509Certificate otherCa = certificate(new X500Name("CN=Other CA"), new X500Name("CN=Other CA"), otherKeys.getPublic(),
                otherKeys.getPrivate(), true, null);

        assertThat(handshake(Trust.certificatesForAnyHost(ca))).isTrue();
        assertThat(new TlsFactory(Trust.certificatesForAnyHost(ca)).verifyHostName()).isFalse();
        assertThatThrownBy(() -> handshake(Trust.certificatesForAnyHost(otherCa))).isInstanceOf(SSLHandshakeException.class);
    }

    /** Connects to "localhost" as the devices do, with host-name checking asked for as HttpClient and Paho ask. */
    private boolean handshake(Trust trust) throws IOException {
        SSLContext context = new TlsFactory(trust).context();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.getLocalPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket.getSession().isValid();
        }
    }

    private static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("EC").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, PublicKey key, PrivateKey signer, boolean ca,
                                               String dnsName) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (dnsName != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
