package io.localdps.https;

import io.localdps.certificate.TestCertificates;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
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
import java.util.Arrays;

/**
 * A device talking HTTPS to the device endpoint with {@link HttpClient}: one TLS version, the
 * generated CA as its only trust anchor, optionally an X.509 client certificate with its chain.
 *
 * <pre>{@code
 * DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(ca).withCertificate(leaf, intermediate).build();
 * HttpResponse<String> response = device.send(device.put(url, "{}"));
 * }</pre>
 */
public final class DeviceClient {

    private final HttpClient client;

    private DeviceClient(HttpClient client) {
        this.client = client;
    }

    public static Builder tls(String protocol) {
        return new Builder(protocol);
    }

    public HttpRequest.Builder put(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    public HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
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

    static X509Certificate x509(TestCertificates.Issued issued) {
        try {
            return new JcaX509CertificateConverter().getCertificate(issued.holder());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Builder {

        private final String protocol;
        private X509Certificate trustAnchor;
        private TestCertificates.Issued leaf;
        private TestCertificates.Issued[] intermediates = new TestCertificates.Issued[0];
        private KeyStore identity;
        private char[] identityPassword;

        private Builder(String protocol) {
            this.protocol = protocol;
        }

        public Builder trusting(X509Certificate trustAnchor) {
            this.trustAnchor = trustAnchor;
            return this;
        }

        /** The device certificate and the intermediates it sends along in the handshake. */
        public Builder withCertificate(TestCertificates.Issued leaf, TestCertificates.Issued... intermediates) {
            this.leaf = leaf;
            this.intermediates = intermediates;
            return this;
        }

        /** A key and chain from a PKCS#12 file, e.g. the certificate lab's download. */
        public Builder withKeyStore(KeyStore keyStore, char[] password) {
            this.identity = keyStore;
            this.identityPassword = password;
            return this;
        }

        public DeviceClient build() {
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(identity != null ? keyStoreManagers() : leaf == null ? null : keyManagers(), trustManagers(), null);
                SSLParameters parameters = new SSLParameters();
                parameters.setProtocols(new String[]{protocol});
                return new DeviceClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(30)).sslContext(tls).sslParameters(parameters).build());
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private javax.net.ssl.TrustManager[] trustManagers() throws GeneralSecurityException, IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("localdps-device-ca", trustAnchor);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        }

        private javax.net.ssl.KeyManager[] keyStoreManagers() throws GeneralSecurityException {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(identity, identityPassword);
            return factory.getKeyManagers();
        }

        private javax.net.ssl.KeyManager[] keyManagers() throws GeneralSecurityException, IOException {
            char[] password = "device".toCharArray();
            X509Certificate[] chain = new X509Certificate[intermediates.length + 1];
            Arrays.setAll(chain, i -> i == 0 ? x509(leaf) : x509(intermediates[i - 1]));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("device", leaf.keyPair().getPrivate(), password, chain);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        }
    }
}
