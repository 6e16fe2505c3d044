package io.localdps.certificate;

import io.localdps.certificate.TestCertificates.Chain;
import io.localdps.certificate.TestCertificates.Issued;
import io.localdps.certificate.TestCertificates.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts DPS computes from a certificate (service-api.md §3.3), checked against the JDK's own parser. */
class ParsedCertificateTest {

    private static Chain chain;

    @BeforeAll
    static void buildChain() {
        chain = TestCertificates.chain("device-1");
    }

    @Test
    void subjectAndIssuerAreRfc4514StringsWithTheCommonNameFirst() {
        X509CertificateInfo info = CertificateParser.parse(chain.leaf().pem()).info();

        assertThat(info.subjectName()).isEqualTo("CN=device-1, O=" + TestCertificates.ORGANIZATION);
        assertThat(info.issuerName()).isEqualTo("CN=LocalDPS Test Intermediate CA, O=" + TestCertificates.ORGANIZATION);
    }

    @Test
    void subjectAndIssuerAgreeWithTheJdksRfc2253Rendering() throws Exception {
        X509Certificate jdk = jdkCertificate(chain.leaf());
        X509CertificateInfo info = CertificateParser.parse(chain.leaf().der()).info();

        assertThat(info.subjectName().replace(", ", ","))
                .isEqualTo(jdk.getSubjectX500Principal().getName(X500Principal.RFC2253));
        assertThat(info.issuerName().replace(", ", ","))
                .isEqualTo(jdk.getIssuerX500Principal().getName(X500Principal.RFC2253));
    }

    @Test
    void aSelfSignedRootIsItsOwnIssuer() {
        X509CertificateInfo info = CertificateParser.parse(chain.root().pem()).info();

        assertThat(info.issuerName()).isEqualTo(info.subjectName()).startsWith("CN=LocalDPS Test Root CA");
    }

    @Test
    void thumbprintsAreUpperCaseHexDigestsOfTheDerBytes() throws Exception {
        byte[] der = jdkCertificate(chain.leaf()).getEncoded();
        X509CertificateInfo info = CertificateParser.parse(chain.leaf().pem()).info();

        assertThat(info.sha1Thumbprint())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(der)).toUpperCase())
                .matches("[0-9A-F]{40}");
        assertThat(info.sha256Thumbprint())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)).toUpperCase())
                .matches("[0-9A-F]{64}");
    }

    @Test
    void differentCertificatesHaveDifferentThumbprints() {
        X509CertificateInfo leaf = CertificateParser.parse(chain.leaf().pem()).info();
        X509CertificateInfo intermediate = CertificateParser.parse(chain.intermediate().pem()).info();

        assertThat(leaf.sha256Thumbprint()).isNotEqualTo(intermediate.sha256Thumbprint());
        assertThat(leaf.sha1Thumbprint()).isNotEqualTo(intermediate.sha1Thumbprint());
    }

    @Test
    void validitySerialNumberAndVersionAreThoseOfTheCertificate() throws Exception {
        Instant notBefore = Instant.parse("2024-01-01T00:00:00Z");
        Instant notAfter = Instant.parse("2034-01-01T00:00:00Z");
        Issued issued = TestCertificates.certificate("dated").validity(notBefore, notAfter).build();

        X509CertificateInfo info = CertificateParser.parse(issued.pem()).info();

        assertThat(info.notBeforeUtc()).isEqualTo(notBefore);
        assertThat(info.notAfterUtc()).isEqualTo(notAfter);
        assertThat(info.version()).isEqualTo(3);
        assertThat(info.serialNumber()).matches("[0-9A-F]+");
        assertThat(HexFormat.of().parseHex(info.serialNumber()))
                .isEqualTo(jdkCertificate(issued).getSerialNumber().toByteArray());
    }

    @Test
    void rootAndIntermediateAreCasAndTheDeviceCertificateIsNot() {
        assertThat(CertificateParser.parse(chain.root().pem()).isCa()).isTrue();
        assertThat(CertificateParser.parse(chain.intermediate().pem()).isCa()).isTrue();
        assertThat(CertificateParser.parse(chain.leaf().pem()).isCa()).isFalse();
        assertThat(CertificateParser.parse(chain.leaf().pem()).hasBasicConstraintsExtension()).isTrue();
    }

    @Test
    void theCommonNameIsTheDevicesRegistrationId() {
        assertThat(CertificateParser.parse(chain.leaf().pem()).commonName()).contains("device-1");
    }

    @Test
    void aSubjectWithoutCommonNameHasNone() {
        Issued nameless = TestCertificates.certificate("ignored").withoutCommonName().build();

        ParsedCertificate parsed = CertificateParser.parse(nameless.pem());

        assertThat(parsed.commonName()).isEmpty();
        assertThat(parsed.info().subjectName()).isEqualTo("O=" + TestCertificates.ORGANIZATION);
    }

    @Test
    void anRsaCertificateHasTheSameFacts() throws Exception {
        Issued rsa = TestCertificates.certificate("rsa-device").keyType(KeyType.RSA_2048).signedBy(chain.root()).build();
        byte[] der = jdkCertificate(rsa).getEncoded();

        X509CertificateInfo info = CertificateParser.parse(rsa.base64Der()).info();

        assertThat(info.subjectName()).isEqualTo("CN=rsa-device, O=" + TestCertificates.ORGANIZATION);
        assertThat(info.issuerName()).isEqualTo("CN=LocalDPS Test Root CA, O=" + TestCertificates.ORGANIZATION);
        assertThat(info.sha256Thumbprint())
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
    }

    @Test
    void theStoredPemReadsBackToTheSameCertificate() {
        ParsedCertificate parsed = CertificateParser.parse(chain.leaf().base64Pem());

        assertThat(parsed.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(CertificateParser.parse(parsed.pem()).der()).isEqualTo(chain.leaf().der());
    }

    @Test
    void validityIsCheckedAgainstTheGivenInstant() {
        Instant notBefore = Instant.parse("2024-01-01T00:00:00Z");
        Instant notAfter = Instant.parse("2025-01-01T00:00:00Z");
        ParsedCertificate parsed = CertificateParser.parse(
                TestCertificates.certificate("expiring").validity(notBefore, notAfter).build().pem());

        assertThat(parsed.isValidAt(Instant.parse("2024-06-01T00:00:00Z"))).isTrue();
        assertThat(parsed.isValidAt(Instant.parse("2023-12-31T23:59:59Z"))).isFalse();
        assertThat(parsed.isValidAt(Instant.parse("2025-01-01T00:00:01Z"))).isFalse();
        assertThat(parsed.notAfter()).isEqualTo(notAfter);
    }

    private static X509Certificate jdkCertificate(Issued issued) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(issued.der()));
    }
}
