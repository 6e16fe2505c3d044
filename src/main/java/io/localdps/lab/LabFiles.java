package io.localdps.lab;

import io.localdps.tls.Pem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** The files the lab hands out: PEM text and password-protected PKCS#12. */
final class LabFiles {

    private LabFiles() {
    }

    static String privateKeyPem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * The JDK's PKCS#12 writer: since JDK 12 it protects keys with PBES2/AES-256 and a SHA-256 MAC,
     * which openssl 1.1.1+ and 3.x, Windows 10+ and every Azure IoT SDK open.
     */
    static byte[] pkcs12(String alias, PrivateKey key, String fullChainPem, char[] password) {
        List<X509Certificate> chain = Pem.readCertificates(fullChainPem);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not write the PKCS#12 file", e);
        }
    }
}
