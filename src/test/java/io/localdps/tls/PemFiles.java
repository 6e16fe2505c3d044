package io.localdps.tls;

import io.localdps.certificate.TestCertificates;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/** Writes certificates and keys the way operators get them from openssl, for {@code dps.tls.*} tests. */
final class PemFiles {

    private final Path directory;

    PemFiles(Path directory) {
        this.directory = directory;
    }

    /** The certificates' PEM blocks concatenated, in the given order (server first). */
    Path certificates(String name, TestCertificates.Issued... chain) {
        return write(name, Arrays.stream(chain).map(TestCertificates.Issued::pem).collect(Collectors.joining()));
    }

    /** Unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    Path pkcs8Key(String name, TestCertificates.Issued owner) {
        return write(name, owner.privateKeyPem());
    }

    /** What {@code openssl genrsa}/{@code ecparam -genkey} write: PKCS#1 RSA or SEC1 EC. */
    Path traditionalKey(String name, TestCertificates.Issued owner) {
        return write(name, traditional(owner.keyPair().getPrivate()));
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SEC1 with the named curve inside, as {@code openssl ec} writes it. (BouncyCastle's PEM writer
     * copies Java's PKCS#8 inner structure, which leaves the curve out.)
     */
    private static String sec1(PrivateKey key) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
            ECPrivateKey withCurve = new ECPrivateKey(256, inner.getKey(), inner.getPublicKey(),
                    info.getPrivateKeyAlgorithm().getParameters());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(withCurve.getEncoded());
            return "-----BEGIN EC PRIVATE KEY-----\n" + body + "\n-----END EC PRIVATE KEY-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate x509(TestCertificates.Issued issued) {
        try {
            return new JcaX509CertificateConverter().getCertificate(issued.holder());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String traditional(PrivateKey key) {
        if (key.getAlgorithm().equals("EC")) {
            return sec1(key);
        }
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
