package io.localdps.simulator.transport;

import io.localdps.simulator.Trust;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * TLS for the devices. Every device gets its own {@link SSLContext} (so no device resumes another
 * one's TLS session, as real devices cannot); the trust managers are built once per run.
 */
public final class TlsFactory {

    private final TrustManager[] trustManagers;
    private final boolean trustAll;
    private final boolean verifyHostName;

    public TlsFactory(Trust trust) {
        this.trustAll = trust.trustAll();
        this.verifyHostName = trust.verifyHostName();
        TrustManager[] managers = trust.trustAll() ? new TrustManager[]{new TrustingEverything()} : anchors(trust.anchors());
        this.trustManagers = verifyHostName || trustAll ? managers : chainOnly(managers);
    }

    /** True when any server certificate is accepted (trust-all demos). */
    public boolean trustAll() {
        return trustAll;
    }

    /** True when the server certificate must name the host dialled. */
    public boolean verifyHostName() {
        return verifyHostName;
    }

    /** A context without a client certificate (symmetric key, TPM). */
    public SSLContext context() {
        return context(null, List.of());
    }

    /** A context presenting this key and chain (leaf first) when the server asks for a client certificate. */
    public SSLContext context(PrivateKey key, List<X509Certificate> chain) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManager[] keyManagers = key == null ? null : new KeyManager[]{new FixedKey(key, chain.toArray(X509Certificate[]::new))};
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context's socket factory, with TCP_NODELAY on every socket (a request is one small write). */
    public static SSLSocketFactory socketFactory(SSLContext context) {
        return new NoDelaySocketFactory(context.getSocketFactory());
    }

    private static TrustManager[] anchors(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("dps-ca-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrustManager[] chainOnly(TrustManager[] managers) {
        TrustManager[] wrapped = new TrustManager[managers.length];
        for (int i = 0; i < managers.length; i++) {
            wrapped[i] = managers[i] instanceof X509TrustManager x509 ? new ChainOnly(x509) : managers[i];
        }
        return wrapped;
    }

    /**
     * Verifies the server's chain against the anchors but not its host name: JSSE checks the name in
     * the socket and engine variants (endpoint identification), so those call the plain variant.
     */
    private static final class ChainOnly extends X509ExtendedTrustManager {
        private final X509TrustManager delegate;

        ChainOnly(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a device does not accept clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a device does not accept clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a device does not accept clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** One key, one chain, whatever the server asks. */
    private static final class FixedKey extends X509ExtendedKeyManager {
        private static final String ALIAS = "device";
        private final PrivateKey key;
        private final X509Certificate[] chain;

        FixedKey(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[]{ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }

    /** Demo mode: any server certificate, any host name. */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
