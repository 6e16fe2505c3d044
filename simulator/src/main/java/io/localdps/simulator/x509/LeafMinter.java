package io.localdps.simulator.x509;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Issues device leaf certificates on the fly from a CA certificate and key: EC P-256 key,
 * CN = registration ID, client-authentication usage. Thread-safe.
 */
public final class LeafMinter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<X509Certificate> issuerChain;
    private final PrivateKey issuerKey;
    private final Duration validity;
    private final String signatureAlgorithm;

    /** A device's key and certificate chain (leaf first, then the issuer chain). */
    public record Leaf(PrivateKey key, List<X509Certificate> chain) {
        /** The leaf's subject, never its private key. */
        @Override
        public String toString() {
            return "Leaf[" + chain.getFirst().getSubjectX500Principal().getName() + "]";
        }
    }

    public LeafMinter(List<X509Certificate> issuerChain, PrivateKey issuerKey, Duration validity) {
        this.issuerChain = List.copyOf(issuerChain);
        this.issuerKey = issuerKey;
        this.validity = validity;
        this.signatureAlgorithm = switch (issuerKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("issuer keys must be RSA or EC, not " + issuerKey.getAlgorithm());
        };
    }

    /** A new key and leaf certificate for this registration ID. */
    public Leaf mint(String registrationId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            X509Certificate issuer = issuerChain.getFirst();
            Instant now = Instant.now();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, registrationId).build();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keyPair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
            X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(issuerKey)));
            List<X509Certificate> chain = new ArrayList<>(issuerChain.size() + 1);
            chain.add(leaf);
            chain.addAll(issuerChain);
            return new Leaf(keyPair.getPrivate(), List.copyOf(chain));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a leaf for " + registrationId + ": " + e.getMessage(), e);
        }
    }
}
