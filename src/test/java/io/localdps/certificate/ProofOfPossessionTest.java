package io.localdps.certificate;

import io.localdps.certificate.TestCertificates.Issued;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of a verification certificate against a CA and its pending code (security.md §4.2). */
class ProofOfPossessionTest {

    private static final String CODE = "3F0B7D21A9C44E5F8B6A1D2C3E4F5A6B7C8D9E0F1A2B3C4D";
    private static final Instant NOW = Instant.now();

    private final Issued ca = TestCertificates.rootCa("Contoso Root CA");

    @Test
    void aCertificateWithTheCodeAsCnSignedByTheCaProvesPossession() {
        Issued verification = TestCertificates.certificate(CODE).signedBy(ca).build();

        assertThat(ProofOfPossession.problem(parse(ca.pem()), CODE, parse(verification.pem()), NOW)).isEmpty();
    }

    @Test
    void derAndBase64CertificatesProveItAsWellAsPem() {
        Issued rsaCa = TestCertificates.certificate("RSA Root CA").keyType(TestCertificates.KeyType.RSA_2048).ca().build();
        Issued verification = TestCertificates.certificate(CODE).signedBy(rsaCa).build();

        assertThat(ProofOfPossession.problem(CertificateParser.parse(rsaCa.der()), CODE,
                CertificateParser.parse(verification.der()), NOW)).isEmpty();
        assertThat(ProofOfPossession.problem(parse(rsaCa.base64Der()), CODE, parse(verification.base64Der()), NOW)).isEmpty();
    }

    @Test
    void theCodeIsComparedIgnoringCase() {
        Issued verification = TestCertificates.certificate(CODE.toLowerCase()).signedBy(ca).build();

        assertThat(ProofOfPossession.problem(parse(ca.pem()), CODE, parse(verification.pem()), NOW)).isEmpty();
    }

    @Test
    void aCertificateForAnotherCodeIsRefusedNamingTheCurrentCode() {
        Issued verification = TestCertificates.certificate("0000000000AAAAAAAAAA").signedBy(ca).build();

        assertThat(ProofOfPossession.problem(parse(ca.pem()), CODE, parse(verification.pem()), NOW)).hasValueSatisfying(problem ->
                assertThat(problem).contains("subject CN is \"0000000000AAAAAAAAAA\"").contains("current verification code is " + CODE));
    }

    @Test
    void aCertificateSignedByAnImpostorWithTheSameNameIsRefusedForItsSignature() {
        Issued impostor = TestCertificates.rootCa("Contoso Root CA");
        Issued verification = TestCertificates.certificate(CODE).signedBy(impostor).build();

        assertThat(ProofOfPossession.problem(parse(ca.pem()), CODE, parse(verification.pem()), NOW))
                .hasValueSatisfying(problem -> assertThat(problem).contains("signature does not verify with this CA's public key"));
    }

    @Test
    void aCertificateIssuedByAnotherCaIsRefusedNamingBothIssuers() {
        Issued other = TestCertificates.rootCa("Fabrikam Root CA");
        Issued verification = TestCertificates.certificate(CODE).signedBy(other).build();

        assertThat(ProofOfPossession.problem(parse(ca.pem()), CODE, parse(verification.pem()), NOW)).hasValueSatisfying(problem ->
                assertThat(problem).contains("issued by \"CN=Fabrikam Root CA").contains("not by this CA (\"CN=Contoso Root CA"));
    }

    @Test
    void anExpiredVerificationCertificateIsRefusedWithItsValidity() {
        Instant start = NOW.minus(Duration.ofDays(10));
        Issued verification = TestCertificates.certificate(CODE).signedBy(ca)
                .validity(start, start.plus(Duration.ofDays(1))).build();

        assertThat(ProofOfPossession.problem(parse(ca.pem()), CODE, parse(verification.pem()), NOW))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("The verification certificate is not valid now"));
    }

    @Test
    void aVerificationCertificateWithoutCnIsRefused() {
        Issued verification = TestCertificates.certificate(CODE).withoutCommonName().signedBy(ca).build();

        assertThat(ProofOfPossession.problem(parse(ca.pem()), CODE, parse(verification.pem()), NOW))
                .hasValueSatisfying(problem -> assertThat(problem).contains("has no subject common name"));
    }

    @Test
    void keyTypeAndSizeAreReadFromTheCertificate() {
        Issued rsa = TestCertificates.certificate("RSA").keyType(TestCertificates.KeyType.RSA_2048).ca().build();

        assertThat(parse(ca.pem()).keyAlgorithm()).isEqualTo("EC");
        assertThat(parse(ca.pem()).keySize()).isEqualTo(256);
        assertThat(parse(rsa.pem()).keyAlgorithm()).isEqualTo("RSA");
        assertThat(parse(rsa.pem()).keySize()).isEqualTo(2048);
    }

    private static ParsedCertificate parse(String text) {
        return CertificateParser.parse(text);
    }
}
