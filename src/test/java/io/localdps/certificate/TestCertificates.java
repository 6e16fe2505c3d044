package io.localdps.certificate;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/**
 * Builds real X.509 certificates for tests with BouncyCastle: a self-signed root CA, CAs it signs
 * and device (leaf) certificates, with RSA-2048 or EC P-256 keys and any validity.
 *
 * <pre>{@code
 * Issued root = TestCertificates.rootCa("Test Root");
 * Issued device = TestCertificates.certificate("device-1").signedBy(root).build();
 * }</pre>
 */
public final class TestCertificates {

    public static final String ORGANIZATION = "LocalDPS Tests";
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum KeyType { RSA_2048, EC_P256 }

    private TestCertificates() {
    }

    /** A builder for a certificate whose subject is {@code CN=commonName, O=LocalDPS Tests}. */
    public static Builder certificate(String commonName) {
        return new Builder(commonName);
    }

    public static Issued rootCa(String commonName) {
        return certificate(commonName).ca().build();
    }

    /** Root CA → intermediate CA → device certificate with the given CN. */
    public static Chain chain(String deviceCommonName) {
        Issued root = rootCa("LocalDPS Test Root CA");
        Issued intermediate = certificate("LocalDPS Test Intermediate CA").ca().signedBy(root).build();
        Issued leaf = certificate(deviceCommonName).signedBy(intermediate).build();
        return new Chain(root, intermediate, leaf);
    }

    public record Chain(Issued root, Issued intermediate, Issued leaf) {
    }

    /** A built certificate with its key pair, in every encoding DPS accepts. */
    public record Issued(X509CertificateHolder holder, KeyPair keyPair) {

        public byte[] der() {
            try {
                return holder.getEncoded();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String pem() {
            return armour("CERTIFICATE", der());
        }

        /** What the C# service SDK sends: base64 of the DER bytes, no armour. */
        public String base64Der() {
            return Base64.getEncoder().encodeToString(der());
        }

        /** What the C service SDK sends: base64 of the PEM text. */
        public String base64Pem() {
            return Base64.getEncoder().encodeToString(pem().getBytes(StandardCharsets.US_ASCII));
        }

        /** The private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), which must never be accepted. */
        public String privateKeyPem() {
            return armour("PRIVATE KEY", keyPair.getPrivate().getEncoded());
        }

        X500Name subject() {
            return holder.getSubject();
        }

        PrivateKey privateKey() {
            return keyPair.getPrivate();
        }
    }

    static String armour(String type, byte[] content) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static final class Builder {

        private final String commonName;
        private boolean includeCommonName = true;
        private String organization = ORGANIZATION;
        private KeyType keyType = KeyType.EC_P256;
        private Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        private Instant notAfter = notBefore.plus(Duration.ofDays(365));
        private boolean ca;
        private Issued issuer;

        private Builder(String commonName) {
            this.commonName = commonName;
        }

        public Builder keyType(KeyType keyType) {
            this.keyType = keyType;
            return this;
        }

        public Builder validity(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        /** Marks it a CA: basicConstraints CA=true (critical) and keyCertSign. */
        public Builder ca() {
            this.ca = true;
            return this;
        }

        /** Signed by this issuer; without it the certificate is self-signed. */
        public Builder signedBy(Issued issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** Subject without a CN attribute (only O), e.g. to test the CN requirement. */
        public Builder withoutCommonName() {
            this.includeCommonName = false;
            return this;
        }

        public Issued build() {
            KeyPair keyPair = newKeyPair(keyType);
            X500Name subject = subject();
            X500Name issuerName = issuer == null ? subject : issuer.subject();
            PrivateKey signingKey = issuer == null ? keyPair.getPrivate() : issuer.privateKey();
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                        new BigInteger(63, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                        subject, keyPair.getPublic());
                builder.addExtension(Extension.basicConstraints, ca, new BasicConstraints(ca));
                if (ca) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                } else {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                }
                String algorithm = "RSA".equals(signingKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
                return new Issued(builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)), keyPair);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Encoded O first and CN last, so RFC 4514 (reversed) reads "CN=..., O=...". */
        private X500Name subject() {
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            if (organization != null) {
                name.addRDN(BCStyle.O, organization);
            }
            if (includeCommonName) {
                name.addRDN(BCStyle.CN, commonName);
            }
            return name.build();
        }
    }

    private static KeyPair newKeyPair(KeyType type) {
        try {
            if (type == KeyType.RSA_2048) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, RANDOM);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
