package io.localdps.https;

import org.apache.tomcat.util.net.SSLContext;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.SSLUtil;
import org.apache.tomcat.util.net.jsse.JSSEImplementation;
import org.apache.tomcat.util.net.jsse.JSSEUtil;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Tomcat's JSSE TLS, with every server-side engine watched for failed handshakes. Tomcat creates
 * this class by name, so it cannot be handed a meter: the connector registers a callback for its
 * own {@link SSLHostConfig} instead, which also keeps two application contexts in one JVM apart.
 */
public class HandshakeWatchingJsse extends JSSEImplementation {

    private static final Map<SSLHostConfig, Runnable> WATCHERS = new WeakHashMap<>();

    static synchronized void watch(SSLHostConfig config, Runnable onHandshakeFailure) {
        WATCHERS.put(config, onHandshakeFailure);
    }

    private static synchronized Runnable watcherOf(SSLHostConfig config) {
        return WATCHERS.getOrDefault(config, () -> { });
    }

    @Override
    public SSLUtil getSSLUtil(SSLHostConfigCertificate certificate) {
        Runnable onFailure = watcherOf(certificate.getSSLHostConfig());
        return new JSSEUtil(certificate) {
            @Override
            public SSLContext createSSLContextInternal(List<String> negotiableProtocols) throws NoSuchAlgorithmException {
                return new WatchedContext(super.createSSLContextInternal(negotiableProtocols), onFailure);
            }
        };
    }

    private record WatchedContext(SSLContext delegate, Runnable onFailure) implements SSLContext {

        @Override
        public SSLEngine createSSLEngine() {
            return new HandshakeWatchingEngine(delegate.createSSLEngine(), onFailure);
        }

        @Override
        public void init(KeyManager[] kms, TrustManager[] tms, SecureRandom sr) throws KeyManagementException {
            delegate.init(kms, tms, sr);
        }

        @Override
        public void destroy() {
            delegate.destroy();
        }

        @Override
        public SSLSessionContext getServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        public SSLServerSocketFactory getServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        public SSLParameters getSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
