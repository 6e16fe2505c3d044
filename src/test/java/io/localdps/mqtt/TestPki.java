package io.localdps.mqtt;

import io.localdps.tls.DeviceTlsMaterial;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Certificates made with BouncyCastle for TLS tests: a CA, a server certificate for
 * {@code localhost} and {@code 127.0.0.1} issued by it, and device certificates under an
 * intermediate CA, all EC P-256. Also the client-side SSLContexts the Paho clients use.
 */
final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD = "test".toCharArray();

    /** A certificate with its private key. */
    record Issued(X509Certificate certificate, PrivateKey privateKey) {
    }

    /** A device's TLS identity: the leaf and the intermediate that issued it, leaf first. */
    record DeviceIdentity(Issued leaf, X509Certificate intermediate) {
        List<X509Certificate> chain() {
            return List.of(leaf.certificate(), intermediate);
        }
    }

    final Issued root;
    final Issued server;
    private final Issued deviceCa;

    TestPki() {
        root = issue("CN=LocalDPS MQTT Test Root", null, true, null);
        server = issue("CN=localhost", root, false, KeyPurposeId.id_kp_serverAuth);
        deviceCa = issue("CN=LocalDPS MQTT Test Device CA", root, true, null);
    }

    /** What the server presents: its certificate, then the root that issued it. */
    DeviceTlsMaterial serverMaterial() {
        return new DeviceTlsMaterial() {
            public PrivateKey privateKey() {
                return server.privateKey();
            }

            public List<X509Certificate> certificateChain() {
                return List.of(server.certificate(), root.certificate());
            }

            public X509Certificate trustAnchor() {
                return root.certificate();
            }
        };
    }

    DeviceIdentity device(String commonName) {
        return new DeviceIdentity(issue("CN=" + commonName, deviceCa, false, KeyPurposeId.id_kp_clientAuth), deviceCa.certificate());
    }

    /** A client that trusts the test root, offers only {@code protocol}, and presents {@code device} when asked (or nothing). */
    SSLContext clientContext(String protocol, DeviceIdentity device) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("root", root.certificate());
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);

            KeyManagerFactory keyManagers = null;
            if (device != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("device", device.leaf().privateKey(), PASSWORD, device.chain().toArray(X509Certificate[]::new));
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, PASSWORD);
            }
            SSLContext context = SSLContext.getInstance(protocol);
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), RANDOM);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Issued issue(String subject, Issued issuer, boolean ca, KeyPurposeId purpose) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subjectName = new X500Name(subject);
            X500Name issuerName = issuer == null ? subjectName : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            PrivateKey signer = issuer == null ? keyPair.getPrivate() : issuer.privateKey();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(63, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subjectName, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (purpose == KeyPurposeId.id_kp_serverAuth) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
            return new Issued(certificate, keyPair.getPrivate());
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
