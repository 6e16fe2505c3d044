package io.localdps.tls;

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
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Issues the generated device CA and the server certificate it signs, with BouncyCastle.
 *
 * <p>Keys are RSA-2048, not EC P-256: every device written for Azure DPS has only ever been shown
 * RSA server chains (Azure's roots and server certificates are RSA), so RSA is what even the
 * oldest and smallest TLS stacks among them (embedded mbedTLS/wolfSSL builds, the 2017/2018-era
 * SDKs device-api.md §8 must still serve, the TLS-1.2-only Java client of client-compat.md §1)
 * are guaranteed to verify. EC would save a few hundred handshake bytes and nothing a device needs.
 *
 * <p>Validity is long because replacing the CA means re-configuring every device: the CA lives
 * 25 years, the server certificate 10 years (never beyond its CA) and is re-issued from the same
 * CA when it no longer fits.
 */
final class DeviceCertificateIssuer {

    static final String CA_COMMON_NAME = "LocalDPS Device CA";
    static final Duration CA_VALIDITY = Duration.ofDays(25 * 365 + 6);
    static final Duration SERVER_VALIDITY = Duration.ofDays(10 * 365 + 2);
    /** Clocks of devices and nodes disagree; a certificate valid from "now" fails on a slow clock. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceCertificateIssuer() {
    }

    record Issued(PrivateKey privateKey, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    static Issued certificateAuthority(Instant now) {
        KeyPair keys = newKeyPair();
        X500Name subject = name(CA_COMMON_NAME);
        Instant notBefore = notBefore(now);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(notBefore), Date.from(notBefore.plus(CA_VALIDITY)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(keys.getPrivate(), sign(builder, keys.getPrivate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not create the device CA", e);
        }
    }

    static Issued serverCertificate(Issued ca, String commonName, ServerNames names, Instant now) {
        KeyPair keys = newKeyPair();
        Instant notBefore = notBefore(now);
        Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
        Instant notAfter = notBefore.plus(SERVER_VALIDITY).isAfter(caNotAfter) ? caNotAfter : notBefore.plus(SERVER_VALIDITY);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                    Date.from(notBefore), Date.from(notAfter), name(commonName), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    // keyEncipherment too: TLS 1.2 clients may still choose plain RSA key exchange.
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, names.toGeneralNames())
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate()));
            return new Issued(keys.getPrivate(), sign(builder, ca.privateKey()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not issue the device endpoint's server certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws CertificateException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "LocalDPS").addRDN(BCStyle.CN, commonName).build();
    }

    private static Instant notBefore(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
    }

    /** Random and positive, so certificates issued by racing nodes never share a serial number. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
