package io.localdps.certificate;

import io.localdps.certificate.TestCertificates.Issued;
import io.localdps.common.AlreadyExistsException;
import io.localdps.common.InvalidInputException;
import io.localdps.common.LimitExceededException;
import io.localdps.common.PageRequest;
import io.localdps.common.StaleVersionException;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentFixtures;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.testsupport.ServiceTest;
import io.localdps.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.localdps.certificate.CaCertificateFixtures.proven;
import static io.localdps.certificate.CaCertificateFixtures.unverified;
import static io.localdps.certificate.CaCertificateFixtures.verificationCertificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CA certificate store on a real database: adding, proof of possession, listing and deleting. */
@ServiceTest
abstract class CaCertificateServiceTest {

    private static final Issued ROOT = TestCertificates.rootCa("Contoso Root CA");

    @Autowired
    CaCertificateService certificates;
    @Autowired
    EnrollmentGroupService groups;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startWithAnEmptyStore() {
        TestData.deleteEnrollmentsAndHubs(jdbc);
    }

    @Test
    void anAddedCertificateKeepsItsFactsAndStartsUnverified() {
        CaCertificate added = certificates.add("contoso-root", ROOT.base64Der(), false);

        CaCertificate stored = certificates.get("CONTOSO-ROOT");
        X509CertificateInfo info = CertificateParser.parse(ROOT.pem()).info();
        assertThat(stored.name()).isEqualTo("contoso-root");
        assertThat(stored.subject()).isEqualTo("CN=Contoso Root CA, O=LocalDPS Tests").isEqualTo(stored.issuer());
        assertThat(stored.sha1Thumbprint()).isEqualTo(info.sha1Thumbprint());
        assertThat(stored.sha256Thumbprint()).isEqualTo(info.sha256Thumbprint());
        assertThat(stored.notAfter()).isEqualTo(info.notAfterUtc());
        assertThat(stored.keyAlgorithm()).isEqualTo("EC");
        assertThat(stored.keySize()).isEqualTo(256);
        assertThat(stored.certificateAuthority()).isTrue();
        assertThat(stored.verified()).isFalse();
        assertThat(stored.etag()).isEqualTo(added.etag());
        assertThat(certificates.exists("Contoso-Root")).isTrue();
        assertThat(certificates.verifiedCertificateNames()).isEmpty();
    }

    @Test
    void verifiedOnUploadSkipsTheProof() {
        certificates.add("trusted", ROOT.pem(), true);

        assertThat(certificates.verifiedCertificateNames()).containsExactly("trusted");
    }

    @Test
    void aBadNameAndANonCertificateAreBothReportedAtTheirFields() {
        assertThatThrownBy(() -> certificates.add("bad name!", "hello", false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors().get("name")).contains("letters, digits, hyphens");
                    assertThat(e.fieldErrors().get("certificate")).contains("not a certificate");
                });
    }

    @Test
    void aDeviceCertificateIsRefusedForLackingTheCaConstraint() {
        Issued leaf = TestCertificates.certificate("device-1").signedBy(ROOT).build();

        assertThatThrownBy(() -> certificates.add("leaf", leaf.pem(), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.fieldErrors().get("certificate")).contains("not a CA certificate"));
    }

    @Test
    void anExpiredCaIsRefused() {
        Instant start = Instant.now().minus(Duration.ofDays(30));
        Issued expired = TestCertificates.certificate("Old CA").ca().validity(start, start.plus(Duration.ofDays(1))).build();

        assertThatThrownBy(() -> certificates.add("old", expired.pem(), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.fieldErrors().get("certificate")).contains("expired"));
    }

    @Test
    void namesAreUniqueIgnoringCaseAndACertificateIsStoredOnce() {
        certificates.add("contoso-root", ROOT.pem(), false);

        assertThatThrownBy(() -> certificates.add("Contoso-Root", TestCertificates.rootCa("Other").pem(), false))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e ->
                        assertThat(e.fieldErrors().get("name")).contains("already exists"));
        assertThatThrownBy(() -> certificates.add("again", ROOT.pem(), false))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e ->
                        assertThat(e.fieldErrors().get("certificate")).contains("already stored as \"contoso-root\""));
    }

    @Test
    void theTwentySixthCertificateIsRefused() {
        for (int i = 1; i <= CaCertificateRules.MAX_CERTIFICATES; i++) {
            certificates.add("ca-" + i, TestCertificates.rootCa("CA " + i).pem(), false);
        }

        assertThatThrownBy(() -> certificates.add("ca-26", TestCertificates.rootCa("CA 26").pem(), false))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("maximum of 25");
        assertThat(certificates.count()).isEqualTo(25);
    }

    @Test
    void theCodeIs48UpperCaseHexAndEachGenerationReplacesItWithANewEtag() {
        CaCertificate added = unverified(certificates, "contoso-root", ROOT);

        CaCertificate first = certificates.generateVerificationCode("contoso-root", added.version());
        CaCertificate second = certificates.generateVerificationCode("contoso-root", first.version());

        assertThat(first.verificationCode()).matches("[0-9A-F]{48}");
        assertThat(second.verificationCode()).matches("[0-9A-F]{48}").isNotEqualTo(first.verificationCode());
        assertThat(List.of(added.etag(), first.etag(), second.etag())).doesNotHaveDuplicates();
    }

    @Test
    void aVerificationCertificateForTheCurrentCodeVerifiesTheCa() {
        CaCertificate verified = proven(certificates, "contoso-root", ROOT);

        assertThat(verified.verified()).isTrue();
        assertThat(verified.verificationCode()).isNull();
        assertThat(certificates.verifiedCertificateNames()).containsExactly("contoso-root");
    }

    @Test
    void aCertificateForTheReplacedCodeNoLongerVerifies() {
        CaCertificate added = unverified(certificates, "contoso-root", ROOT);
        CaCertificate old = certificates.generateVerificationCode("contoso-root", added.version());
        CaCertificate current = certificates.generateVerificationCode("contoso-root", old.version());

        assertThatThrownBy(() -> certificates.verify("contoso-root", current.version(),
                verificationCertificate(ROOT, old.verificationCode()).pem()))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.fieldErrors().get("certificate")).contains("current verification code is " + current.verificationCode()));
        assertThat(certificates.get("contoso-root").verified()).isFalse();
    }

    @Test
    void verifyingWithoutACodeAsksForOneFirst() {
        CaCertificate added = unverified(certificates, "contoso-root", ROOT);

        assertThatThrownBy(() -> certificates.verify("contoso-root", added.version(), verificationCertificate(ROOT, "X").pem()))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.fieldErrors().get("verificationCode")).startsWith("Generate a verification code first"));
    }

    @Test
    void aStaleEtagIsRefused() {
        CaCertificate added = unverified(certificates, "contoso-root", ROOT);
        certificates.generateVerificationCode("contoso-root", added.version());

        assertThatThrownBy(() -> certificates.generateVerificationCode("contoso-root", added.version()))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aCertificateAGroupReferencesCannotBeDeletedAndTheGroupsAreListed() {
        CaCertificate verified = proven(certificates, "contoso-root", ROOT);
        groups.create("line-3", Attestation.caReferences("Contoso-Root", null), EnrollmentFixtures.settings());

        assertThatThrownBy(() -> certificates.delete("contoso-root", verified.version()))
                .isInstanceOfSatisfying(CertificateInUseException.class, e ->
                        assertThat(e.referencedBy()).containsExactly("enrollment group line-3"));
        assertThat(certificates.exists("contoso-root")).isTrue();
    }

    @Test
    void anUnreferencedCertificateIsDeleted() {
        CaCertificate added = unverified(certificates, "contoso-root", ROOT);

        certificates.delete("contoso-root", added.version());

        assertThat(certificates.exists("contoso-root")).isFalse();
    }

    @Test
    void pagesAreSortedByNameOrExpiry() {
        Instant now = Instant.now();
        certificates.add("b-late", TestCertificates.certificate("B").ca().validity(now, now.plus(Duration.ofDays(900))).build().pem(), false);
        certificates.add("a-early", TestCertificates.certificate("A").ca().validity(now, now.plus(Duration.ofDays(100))).build().pem(), false);
        certificates.add("c-mid", TestCertificates.certificate("C").ca().validity(now, now.plus(Duration.ofDays(500))).build().pem(), false);

        assertThat(certificates.page(new PageRequest(0, 10, null, true))).extracting(CaCertificate::name)
                .containsExactly("a-early", "b-late", "c-mid");
        assertThat(certificates.page(new PageRequest(1, 2, "expiry", false))).extracting(CaCertificate::name)
                .containsExactly("c-mid", "a-early");
    }
}
