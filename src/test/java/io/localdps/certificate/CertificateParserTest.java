package io.localdps.certificate;

import io.localdps.certificate.TestCertificates.Issued;
import io.localdps.certificate.TestCertificates.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The encodings of security.md §3.3, and what must be refused. */
class CertificateParserTest {

    private static Issued device;

    @BeforeAll
    static void buildCertificate() {
        device = TestCertificates.chain("device-1").leaf();
    }

    @Test
    void pemTextIsRead() {
        assertThat(CertificateParser.parse(device.pem()).der()).isEqualTo(device.der());
    }

    @Test
    void pemWithWindowsLineEndingsAndSurroundingWhitespaceIsRead() {
        String pem = "\r\n  " + device.pem().replace("\n", "\r\n") + "  \r\n";

        assertThat(CertificateParser.parse(pem).der()).isEqualTo(device.der());
    }

    @Test
    void derBytesOfABinaryCerFileAreRead() {
        assertThat(CertificateParser.parse(device.der()).der()).isEqualTo(device.der());
    }

    @Test
    void base64OfDerAsTheCSharpSdkSendsItIsRead() {
        assertThat(CertificateParser.parse(device.base64Der()).der()).isEqualTo(device.der());
    }

    @Test
    void base64OfPemTextAsTheCSdkSendsItIsRead() {
        assertThat(CertificateParser.parse(device.base64Pem()).der()).isEqualTo(device.der());
    }

    @Test
    void pemTextGivenAsBytesOfAnUploadedFileIsRead() {
        assertThat(CertificateParser.parse(device.pem().getBytes(StandardCharsets.US_ASCII)).der())
                .isEqualTo(device.der());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void certificatesWithRsaAndEcKeysAreBothRead(KeyType keyType) {
        Issued certificate = TestCertificates.certificate("device-" + keyType).keyType(keyType).build();

        assertThat(CertificateParser.parse(certificate.pem()).commonName()).contains("device-" + keyType);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void noTextAtAllIsRefused(String text) {
        assertThatThrownBy(() -> CertificateParser.parse(text))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessage("No certificate was given.");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> CertificateParser.parse(new byte[0]))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessage("The file is empty.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello, certificate", "not base64 at all: ***", "QUJDREVGRw==", "{\"certificate\": 1}"})
    void textThatIsNoCertificateIsRefused(String garbage) {
        assertThatThrownBy(() -> CertificateParser.parse(garbage))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageStartingWith("This is not a certificate");
    }

    @Test
    void binaryGarbageThatStartsLikeDerIsRefused() {
        byte[] garbage = new byte[300];
        Arrays.fill(garbage, (byte) 0x41);
        garbage[0] = 0x30;
        garbage[1] = (byte) 0x82;

        assertThatThrownBy(() -> CertificateParser.parse(garbage))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageContaining("DER data could not be read");
    }

    @Test
    void aPemFileWithTwoCertificatesIsRefused() {
        Issued other = TestCertificates.certificate("device-2").build();

        assertThatThrownBy(() -> CertificateParser.parse(device.pem() + other.pem()))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageContaining("2 certificates");
    }

    @Test
    void aPemPrivateKeyIsRefusedWithAWarning() {
        assertThatThrownBy(() -> CertificateParser.parse(device.privateKeyPem()))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageContaining("holds a key")
                .hasMessageContaining("Never upload private keys");
    }

    @Test
    void aCertificateFollowedByItsPrivateKeyIsRefused() {
        assertThatThrownBy(() -> CertificateParser.parse(device.pem() + device.privateKeyPem()))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageContaining("Never upload private keys");
    }

    @Test
    void aPemWithoutACertificateIsRefused() {
        assertThatThrownBy(() -> CertificateParser.parse("-----BEGIN NOTHING-----"))
                .isInstanceOf(InvalidCertificateException.class);
    }

    @Test
    void aPemWhoseBodyWasCutOffIsRefused() {
        String pem = device.pem();
        String damaged = pem.substring(0, pem.length() / 2) + "\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> CertificateParser.parse(damaged))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageStartingWith("This is not a certificate");
    }

    @Test
    void base64DerThatWasCutOffIsRefused() {
        String base64 = device.base64Der();
        String damaged = base64.substring(0, base64.length() / 2);

        assertThatThrownBy(() -> CertificateParser.parse(damaged))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageStartingWith("This is not a certificate");
    }

    @Test
    void aFileLargerThan64KilobytesIsRefused() {
        byte[] large = (device.pem() + " ".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CertificateParser.parse(large))
                .isInstanceOf(InvalidCertificateException.class)
                .hasMessageContaining("larger than 64 KB");
    }
}
