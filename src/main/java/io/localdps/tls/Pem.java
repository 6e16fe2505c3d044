package io.localdps.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM text of the server's certificates and keys, read and written with BouncyCastle. Private keys
 * are read in every form openssl writes (PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY},
 * SEC1 {@code EC PRIVATE KEY}) and always written as unencrypted PKCS#8.
 *
 * <p>Error messages describe what was found, never the key material itself.
 */
public final class Pem {

    private Pem() {
    }

    /** All certificates in the text, in order. */
    public static List<X509Certificate> readCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                } else {
                    throw new IllegalArgumentException("expected only certificates, found a " + describe(object));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("the PEM certificate data is damaged", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        return List.copyOf(certificates);
    }

    /** The first private key in the text; EC parameter blocks openssl puts before an EC key are skipped. */
    public static PrivateKey readPrivateKey(String pem) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IllegalArgumentException("the private key is encrypted; give an unencrypted one "
                            + "(openssl pkey -in encrypted.pem -out key.pem) and protect the file instead");
                }
                if (object instanceof X509CertificateHolder) {
                    throw new IllegalArgumentException("found a certificate where the private key was expected");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the PEM private key data is damaged", e);
        }
        throw new IllegalArgumentException("no PEM private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY "
                + "or EC PRIVATE KEY) found");
    }

    public static String certificates(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                text.append(armour("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    public static String certificate(X509Certificate certificate) {
        return certificates(List.of(certificate));
    }

    /** Unencrypted PKCS#8: only ever written to the database, never to a log. */
    static String privateKey(PrivateKey key) {
        return armour("PRIVATE KEY", key.getEncoded());
    }

    private static String armour(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String describe(Object pemObject) {
        String name = pemObject.getClass().getSimpleName();
        return name.contains("Key") ? "private key" : name;
    }
}
