package io.localdps.tls;

import io.localdps.certificate.TestCertificates;
import io.localdps.instance.DpsProperties;
import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated device CA and server certificate in the database, shared by all nodes: against
 * H2 and PostgreSQL through the subclasses. Each test starts from an empty table and plays the
 * nodes by calling the provider several times on the same database.
 */
@ServiceTest
abstract class DeviceTlsMaterialTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeviceTlsMaterial applicationMaterial;

    @TempDir
    Path directory;

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM device_tls_key_pair").update();
    }

    @Test
    void theApplicationPresentsAGeneratedServerCertificateSignedByTheLocalDpsDeviceCa() {
        assertThat(applicationMaterial.certificateChain()).hasSize(2);
        assertThat(applicationMaterial.trustAnchor().getSubjectX500Principal().getName()).contains("CN=LocalDPS Device CA");
        assertThat(applicationMaterial.certificateChain().get(1)).isEqualTo(applicationMaterial.trustAnchor());
    }

    @Test
    void theMaterialIsGeneratedOnceAndASecondNodeReadsTheSameKeysAndCertificates() {
        DeviceTlsMaterial first = node("dps.example.local", NOW);
        DeviceTlsMaterial second = node("dps.example.local", NOW);

        assertThat(second.certificateChain()).isEqualTo(first.certificateChain());
        assertThat(second.trustAnchor()).isEqualTo(first.trustAnchor());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void theServerCertificateNamesTheDeviceHostTheServiceHostAndLoopbackAndIsSignedByTheCa() throws Exception {
        DeviceTlsMaterial material = node("dps.example.local", NOW);
        X509Certificate server = material.certificateChain().getFirst();
        X509Certificate ca = material.trustAnchor();

        assertThat(ServerNames.of(server).dnsNames()).containsExactlyInAnyOrder("dps.example.local", "service.example.local",
                "localhost");
        assertThat(ServerNames.of(server).ipAddresses()).containsExactlyInAnyOrder("127.0.0.1", "0:0:0:0:0:0:0:1");
        server.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(((RSAPublicKey) server.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(server.getNotAfter().toInstant()).isAfter(NOW.instant().plus(Duration.ofDays(9 * 365)));
    }

    @Test
    void anIpLiteralDeviceHostBecomesAnIpAddressEntry() {
        DeviceTlsMaterial material = node("192.168.10.5", NOW);

        assertThat(ServerNames.of(material.certificateChain().getFirst()).ipAddresses()).contains("192.168.10.5");
        assertThat(ServerNames.of(material.certificateChain().getFirst()).dnsNames()).doesNotContain("192.168.10.5");
    }

    @Test
    void aChangedDeviceHostGetsANewServerCertificateFromTheSameCaThatStillNamesTheOldHost() throws Exception {
        DeviceTlsMaterial before = node("dps.example.local", NOW);

        DeviceTlsMaterial after = node("dps.plant-b.local", NOW);

        X509Certificate server = after.certificateChain().getFirst();
        assertThat(after.trustAnchor()).isEqualTo(before.trustAnchor());
        assertThat(server).isNotEqualTo(before.certificateChain().getFirst());
        assertThat(ServerNames.of(server).dnsNames()).contains("dps.plant-b.local", "dps.example.local");
        server.verify(before.trustAnchor().getPublicKey());
        assertThat(node("dps.plant-b.local", NOW).certificateChain().getFirst()).isEqualTo(server);
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void aServerCertificateAboutToExpireIsRenewedFromTheSameCa() {
        DeviceTlsMaterial before = node("dps.example.local", NOW);
        Instant shortlyBeforeExpiry = before.certificateChain().getFirst().getNotAfter().toInstant().minus(Duration.ofDays(10));

        DeviceTlsMaterial after = node("dps.example.local", Clock.fixed(shortlyBeforeExpiry, ZoneOffset.UTC));

        assertThat(after.trustAnchor()).isEqualTo(before.trustAnchor());
        assertThat(after.certificateChain().getFirst().getNotAfter()).isAfter(before.certificateChain().getFirst().getNotAfter());
    }

    @Test
    void whenTwoNodesRaceTheFirstStoredKeyPairWinsAndTheOtherReadsIt() {
        DeviceTlsStore store = new DeviceTlsStore(jdbc);
        DeviceCertificateIssuer.Issued first = DeviceCertificateIssuer.certificateAuthority(NOW.instant());
        DeviceCertificateIssuer.Issued second = DeviceCertificateIssuer.certificateAuthority(NOW.instant());

        DeviceTlsStore.Stored firstResult = store.insertOrReadWinner(DeviceTlsStore.CA, 1, first, NOW.instant());
        DeviceTlsStore.Stored secondResult = store.insertOrReadWinner(DeviceTlsStore.CA, 1, second, NOW.instant());

        assertThat(firstResult.keyPair().certificate()).isEqualTo(first.certificate());
        assertThat(secondResult.keyPair().certificate()).isEqualTo(first.certificate());
        assertThat(secondResult.keyPair().privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(node("dps.example.local", NOW).trustAnchor()).isEqualTo(first.certificate());
    }

    @Test
    void configuredPemFilesAreUsedInsteadOfTheDatabase() {
        TestCertificates.Issued root = TestCertificates.rootCa("Operator Root CA");
        TestCertificates.Issued server = TestCertificates.certificate("dps.example.local").signedBy(root).build();
        PemFiles files = new PemFiles(directory);
        TlsProperties configured = new TlsProperties(files.certificates("chain.pem", server, root),
                files.pkcs8Key("key.pem", server));

        DeviceTlsMaterial material = new DeviceTlsConfiguration().deviceTlsMaterial(configured,
                properties("dps.example.local"), jdbc, NOW);

        assertThat(material.certificateChain()).containsExactly(PemFiles.x509(server), PemFiles.x509(root));
        assertThat(material.trustAnchor()).isEqualTo(PemFiles.x509(root));
        assertThat(rows()).isZero();
    }

    @Test
    void theMaterialsDescriptionNeverContainsThePrivateKey() {
        DeviceTlsMaterial material = node("dps.example.local", NOW);

        String description = material.toString();

        assertThat(description).contains("LocalDPS Device CA");
        assertThat(description).doesNotContain(material.privateKey().toString());
        assertThat(description).doesNotContain("PRIVATE KEY");
    }

    private DeviceTlsMaterial node(String deviceHost, Clock clock) {
        return new DeviceTlsConfiguration().deviceTlsMaterial(new TlsProperties(null, null), properties(deviceHost), jdbc, clock);
    }

    private static DpsProperties properties(String deviceHost) {
        return new DpsProperties("./data", null, deviceHost, "service.example.local", new DpsProperties.Admin("admin", null));
    }

    private int rows() {
        return jdbc.sql("SELECT COUNT(*) FROM device_tls_key_pair").query(Integer.class).single();
    }
}
