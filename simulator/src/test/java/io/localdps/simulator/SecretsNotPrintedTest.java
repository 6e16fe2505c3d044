package io.localdps.simulator;

import io.localdps.simulator.x509.LeafMinter;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans, attestations and device identities end up in logs and error messages: their text never holds a key. */
class SecretsNotPrintedTest {

    private static final String KEY = "c2ltdWxhdG9yLWdyb3VwLWtleS0wMTIzNDU2Nzg5";
    private static final DpsEndpoint ENDPOINT = new DpsEndpoint("localhost", 8883, 443, "0ne00ABC123", Trust.all());

    @Test
    void symmetricKeysAppearNeitherInTheAttestationNorInThePlanNorInTheDeviceIdentity() {
        Attestation group = new Attestation.SymmetricGroup(KEY);
        Attestation individual = new Attestation.SymmetricIndividual(KEY);
        FleetPlan plan = FleetPlan.builder(ENDPOINT, group).build();
        DeviceIdentity device = new DeviceIdentity.Factory(plan).create(0);

        assertThat(group.toString()).doesNotContain(KEY).contains("SymmetricGroup");
        assertThat(individual.toString()).doesNotContain(KEY).contains("SymmetricIndividual");
        assertThat(plan.toString()).doesNotContain(KEY).contains("SymmetricGroup");
        assertThat(device.toString()).doesNotContain(device.deviceKey()).contains(device.registrationId());
    }

    @Test
    void privateKeysOfIssuersSuppliedCertificatesAndMintedDevicesAreNotPrinted() throws Exception {
        KeyPair ca = KeyPairGenerator.getInstance("EC").generateKeyPair();
        X509Certificate caCertificate = selfSigned(ca);
        Attestation.X509Issued issued = new Attestation.X509Issued(List.of(caCertificate), ca.getPrivate(), Duration.ofDays(1));
        FleetPlan plan = FleetPlan.builder(ENDPOINT, issued).build();
        DeviceIdentity device = new DeviceIdentity.Factory(plan).create(0);
        LeafMinter.Leaf leaf = new LeafMinter(List.of(caCertificate), ca.getPrivate(), Duration.ofDays(1)).mint("sim-7");
        Attestation.X509Supplied supplied = new Attestation.X509Supplied(leaf.chain(), leaf.key());

        assertNoKey(issued.toString(), ca.getPrivate());
        assertNoKey(plan.toString(), ca.getPrivate());
        assertNoKey(device.toString(), device.tlsKey());
        assertNoKey(leaf.toString(), leaf.key());
        assertNoKey(supplied.toString(), leaf.key());
        assertThat(supplied.toString()).contains("sim-7");
    }

    private static void assertNoKey(String text, PrivateKey key) {
        assertThat(text).doesNotContain(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(key.getEncoded()))
                .doesNotContainIgnoringCase("private");
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=Simulator Test CA");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(3600)), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
