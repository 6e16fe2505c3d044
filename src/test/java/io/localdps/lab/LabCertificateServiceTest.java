package io.localdps.lab;

import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateService;
import io.localdps.common.AlreadyExistsException;
import io.localdps.common.InvalidInputException;
import io.localdps.common.PageRequest;
import io.localdps.tls.Pem;
import io.localdps.testsupport.ServiceTest;
import io.localdps.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import static io.localdps.lab.KeyAlgorithm.EC_P256;
import static io.localdps.lab.KeyAlgorithm.RSA_2048;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The certificate lab on a real database: generating, sealing keys, downloading, and the CA store. */
@ServiceTest
abstract class LabCertificateServiceTest {

    private static final String PASSWORD = "lab-password-1";

    @Autowired
    LabCertificateService lab;
    @Autowired
    CaCertificateService store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LabKeyCipher cipher;

    @BeforeEach
    void startWithAnEmptyLabAndStore() {
        TestData.deleteEnrollmentsAndHubs(jdbc);
        jdbc.sql("DELETE FROM lab_certificate").update();
    }

    @Test
    void aDeviceCertificateUnderAnIntermediateDownloadsWithItsChainLeafFirst() throws Exception {
        LabCertificate root = lab.createRootCa("Contoso Lab Root", RSA_2048, 3650);
        LabCertificate intermediate = lab.createIntermediateCa("Contoso Lab Intermediate", root.name(), EC_P256, 1000);
        LabCertificate device = lab.createDeviceCertificate("device-01", intermediate.name(), EC_P256, 365);

        List<X509Certificate> chain = Pem.readCertificates(lab.get("DEVICE-01").fullChainPem());
        assertThat(chain).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=device-01", "CN=Contoso Lab Intermediate", "CN=Contoso Lab Root");
        LabIssuerTest.validate(chain.subList(0, 2), chain.get(2));
        assertThat(device.kind()).isEqualTo(LabCertificate.Kind.DEVICE);
        assertThat(device.issuerName()).isEqualTo("Contoso Lab Intermediate");
    }

    @Test
    void theStoredKeyColumnIsNotThePlaintextKey() {
        lab.createRootCa("Sealed Root", EC_P256, 30);
        String plaintextPem = lab.privateKeyPem("Sealed Root");
        String pkcs8Base64 = plaintextPem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);

        String column = jdbc.sql("SELECT private_key_encrypted FROM lab_certificate WHERE name_key = 'sealed root'")
                .query(String.class).single();

        assertThat(column).doesNotContain("PRIVATE KEY").isNotEqualTo(pkcs8Base64)
                .doesNotContain(pkcs8Base64.substring(0, 24));
        assertThat(Base64.getDecoder().decode(column)).isNotEqualTo(Base64.getDecoder().decode(pkcs8Base64));
    }

    @Test
    void thePkcs12OpensWithThePasswordOnly() throws Exception {
        lab.createRootCa("P12 Root", RSA_2048, 30);
        lab.createDeviceCertificate("device-p12", "P12 Root", RSA_2048, 10);

        byte[] file = lab.pkcs12("device-p12", PASSWORD);

        KeyStore opened = KeyStore.getInstance("PKCS12");
        opened.load(new ByteArrayInputStream(file), PASSWORD.toCharArray());
        assertThat(opened.getCertificateChain("device-p12")).hasSize(2);
        assertThat(opened.getKey("device-p12", PASSWORD.toCharArray())).isNotNull();
        assertThatThrownBy(() -> KeyStore.getInstance("PKCS12").load(new ByteArrayInputStream(file), "not-the-password".toCharArray()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void anEmptyOrShortPkcs12PasswordIsRefusedAtThePasswordField() {
        lab.createRootCa("Password Root", EC_P256, 30);

        assertThatThrownBy(() -> lab.pkcs12("Password Root", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry(LabCertificateService.PASSWORD, LabRules.passwordProblem("").orElseThrow()));
        assertThatThrownBy(() -> lab.pkcs12("Password Root", "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("password"))
                        .contains("at least 8"));
    }

    @Test
    void anInvalidRegistrationIdAndAnOutOfRangeValidityAreRefusedAtTheirFields() {
        lab.createRootCa("Rules Root", EC_P256, 30);

        assertThatThrownBy(() -> lab.createDeviceCertificate("bad id!", "Rules Root", EC_P256, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys(LabCertificateService.REGISTRATION_ID, LabCertificateService.VALIDITY));
        assertThat(lab.count()).isOne();
    }

    @Test
    void aCertificateCannotOutliveTheCaThatSignsIt() {
        lab.createRootCa("Short Root", EC_P256, 30);

        assertThatThrownBy(() -> lab.createIntermediateCa("Long Intermediate", "Short Root", EC_P256, 365))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("validityDays"))
                        .contains("Short Root expires").contains("at most 29 days"));
    }

    @Test
    void aDeviceCertificateCannotSignAnything() {
        lab.createRootCa("Root", EC_P256, 30);
        lab.createDeviceCertificate("leaf", "Root", EC_P256, 10);

        assertThatThrownBy(() -> lab.createDeviceCertificate("leaf-2", "leaf", EC_P256, 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("issuer"));
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        lab.createRootCa("Twin", EC_P256, 30);

        assertThatThrownBy(() -> lab.createRootCa("twin", RSA_2048, 30)).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void aLabCaAddedToTheStoreIsVerifiedOnUpload() {
        lab.createRootCa("Store Root", EC_P256, 30);

        CaCertificate added = lab.addToStore("Store Root", "store-root");

        assertThat(added.verified()).isTrue();
        assertThat(store.get("store-root").pem()).isEqualTo(lab.get("Store Root").certificatePem());
        assertThat(lab.holdsKeyOf(added)).isTrue();
    }

    @Test
    void anUnverifiedStoreCaWhoseKeyTheLabHoldsIsProvenInOneStep() {
        LabCertificate root = lab.createRootCa("Proof Root", RSA_2048, 30);
        CaCertificate uploaded = store.add("uploaded", root.certificatePem(), false);

        CaCertificate proven = lab.proveStoreCertificate("uploaded", uploaded.version());

        assertThat(proven.verified()).isTrue();
    }

    @Test
    void theVerificationCertificateCarriesThePendingCodeAndIsAcceptedByTheStore() throws Exception {
        LabCertificate root = lab.createRootCa("Code Root", EC_P256, 30);
        CaCertificate uploaded = store.add("coded", root.certificatePem(), false);
        CaCertificate pending = store.generateVerificationCode("coded", uploaded.version());

        String proof = lab.verificationCertificatePem("coded");

        X509Certificate certificate = Pem.readCertificates(proof).getFirst();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=" + pending.verificationCode());
        certificate.verify(Pem.readCertificates(root.certificatePem()).getFirst().getPublicKey());
        assertThat(store.verify("coded", pending.version(), proof).verified()).isTrue();
    }

    @Test
    void noVerificationCertificateForAStoreCaWhoseKeyTheLabLacks() {
        LabCertificate root = lab.createRootCa("Foreign Root", EC_P256, 30);
        CaCertificate uploaded = store.add("foreign", root.certificatePem(), false);
        store.generateVerificationCode("foreign", uploaded.version());
        jdbc.sql("DELETE FROM lab_certificate").update();

        assertThatThrownBy(() -> lab.verificationCertificatePem("foreign"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("does not hold"));
    }

    @Test
    void everyNodeOnTheDatabaseGetsTheOneGeneratedEncryptionKey() {
        String first = LabEncryptionKey.storedOrNew(jdbc, java.time.Clock.systemUTC());
        String second = LabEncryptionKey.storedOrNew(jdbc, java.time.Clock.systemUTC());

        assertThat(second).isEqualTo(first);
        assertThat(LabKeyCipher.idOf(Base64.getDecoder().decode(first))).isEqualTo(cipher.keyId());
    }

    @Test
    void aKeySealedWithAnotherEncryptionKeyIsRefusedNamingBothKeys() {
        lab.createRootCa("Other Key Root", EC_P256, 30);
        jdbc.sql("UPDATE lab_certificate SET key_id = 'feedfeedfeedfeed'").update();

        assertThatThrownBy(() -> lab.privateKeyPem("Other Key Root"))
                .hasMessageContaining("feedfeedfeedfeed").hasMessageContaining("dps.lab.encryption-key");
    }

    @Test
    void aCaThatSignedOthersIsDeletedOnlyAfterThem() {
        LabCertificate root = lab.createRootCa("Parent Root", EC_P256, 30);
        LabCertificate leaf = lab.createDeviceCertificate("child-device", "Parent Root", EC_P256, 10);

        assertThatThrownBy(() -> lab.delete("Parent Root", root.version()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("delete those first"));
        lab.delete("child-device", leaf.version());
        lab.delete("Parent Root", root.version());

        assertThat(lab.count()).isZero();
    }

    @Test
    void aStaleVersionDoesNotDelete() {
        LabCertificate root = lab.createRootCa("Stale Root", EC_P256, 30);

        assertThatThrownBy(() -> lab.delete("Stale Root", root.version() + 1))
                .isInstanceOf(io.localdps.common.StaleVersionException.class);
        assertThat(lab.find("Stale Root")).isPresent();
    }

    @Test
    void theGridPagesInNameOrderAtAnyOffset() {
        lab.createRootCa("b-root", EC_P256, 30);
        lab.createRootCa("A-root", EC_P256, 30);
        lab.createRootCa("c-root", EC_P256, 30);

        assertThat(lab.page(new PageRequest(1, 2, "name", true))).extracting(LabCertificate::name)
                .containsExactly("b-root", "c-root");
        assertThat(lab.page(new PageRequest(0, 1, "name", false))).extracting(LabCertificate::name)
                .containsExactly("c-root");
    }
}
