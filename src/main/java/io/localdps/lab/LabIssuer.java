package io.localdps.lab;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Builds the lab's certificates with BouncyCastle: self-signed roots, intermediates, device
 * (client-authentication) leaves and proof-of-possession certificates. Like the device TLS CA
 * ({@code tls.DeviceCertificateIssuer}) they are back-dated an hour, since device clocks lag.
 */
final class LabIssuer {

    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private LabIssuer() {
    }

    record Issued(X509Certificate certificate, PrivateKey privateKey) {
        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    enum Role { ROOT, INTERMEDIATE, DEVICE, VERIFICATION }

    static Issued root(String commonName, KeyAlgorithm algorithm, int validityDays, Instant now) {
        KeyPair keys = algorithm.generate();
        X500Name subject = name(commonName);
        return build(subject, subject, keys, keys.getPrivate(), null, Role.ROOT, validityDays, now);
    }

    /** A certificate for {@code role} signed by the issuer; the caller keeps validity inside the issuer's. */
    static Issued issue(Issued issuer, String commonName, Role role, KeyAlgorithm algorithm, int validityDays, Instant now) {
        KeyPair keys = algorithm.generate();
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return build(issuerName, name(commonName), keys, issuer.privateKey(), issuer.certificate(), role, validityDays, now);
    }

    private static Issued build(X500Name issuerName, X500Name subject, KeyPair keys, PrivateKey signingKey,
                                X509Certificate issuer, Role role, int validityDays, Instant now) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
        Instant notAfter = now.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(validityDays));
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
            }
            boolean ca = role == Role.ROOT || role == Role.INTERMEDIATE;
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                if (role == Role.DEVICE) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                }
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(signingKey)).build(signingKey)));
            return new Issued(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("Could not issue the certificate for " + subject, e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    /** Random and positive, so certificates issued by racing nodes never share a serial number. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
