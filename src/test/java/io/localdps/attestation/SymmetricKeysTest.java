package io.localdps.attestation;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Key derivation vectors of security.md §1.3a and the key rules of §1.4. */
class SymmetricKeysTest {

    private static final String SAS_KEY =
            "G3vn0IZH9oK3d4wsxFpWBtd2KUrtjI+39dZVRf26To8w9OX0LaFV9yZ93ELXY7voqHEUsNhnb9bt717UP87KxA==";

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "8isrFI1sGsIlvvFSSFRiMfCNzv21fjbE/+ah/lSh3lF8e2YG1Te7w1KpZhJFFXJrqYKi9yegxkqIChbqOS9Egw==,"
                    + " sn-007-888-abc-mac-a1-b2-c3-d4-e5-f6, Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc=",
            "oiK77Oy7rBw8YB6IS6ukRChAw+Yq6GC61RMrPLSTiOOtdI+XDu0LmLuNm11p+qv2I+adqGUdZHm46zXAQdZoOA==,"
                    + " breakroom499-contoso-tstrsd-007, JC8F96eayuQwwz+PkE7IzjH2lIAjCUnAa61tDigBnSs=",
            SAS_KEY + ", sensor-0042, mCiJwVdetf66u+QiHyD3gmGd52l6V1nW2c02w6bgyuU="
    })
    void groupKeyDerivationMatchesTheSpecVectors(String groupKey, String registrationId, String derivedKey) {
        assertThat(SymmetricKeys.deriveDeviceKey(groupKey, registrationId)).isEqualTo(derivedKey);
    }

    @Test
    void derivationUsesTheRegistrationIdExactlyAsGivenSoCaseMatters() {
        assertThat(SymmetricKeys.deriveDeviceKey(SAS_KEY, "Sensor-0042"))
                .isNotEqualTo(SymmetricKeys.deriveDeviceKey(SAS_KEY, "sensor-0042"));
    }

    /** The device SAS vectors of §1.3a: HMAC-SHA256 over {@code sr + "\n" + se} exactly as sent. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0ne00ABC123/registrations/sensor-0042, S0GQBCboIFqDl4uOCFkse1EPn9156P1jpEJS1iTgAVs=",
            "0ne00ABC123%2Fregistrations%2Fsensor-0042, 4vIhk326vxe5crjX4XtcSNzO1FMbBGj6nD/O7nSI06M=",
            "0ne00ABC123%2fregistrations%2fsensor-0042, AjhLFCXCMd2USqNJaM8dcssrmjS5GD+I8yJMwYzpueU="
    })
    void deviceSasSignaturesMatchTheSpecVectors(String resource, String signature) {
        assertThat(sign(SAS_KEY, resource + "\n1767225600")).isEqualTo(signature);
    }

    @Test
    void theServiceTokenSignatureMatchesTheSpecVectorWithItsLeadingPlusSigns() {
        assertThat(sign("c2VydmljZS1wb2xpY3kta2V5LWZvci10ZXN0aW5nLTAxMg==", "mydps.azure-devices-provisioning.net\n1767225600"))
                .isEqualTo("++L03iIGfymJBzOvMLKDYQ7xSzWkoSGbvjPiWWaSDNM=");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 64})
    void keysOf16To64BytesAreAccepted(int length) {
        assertThat(SymmetricKeys.problemWith(keyOfLength(length))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 65, 128})
    void keysShorterThan16OrLongerThan64BytesAreRefused(int length) {
        assertThat(SymmetricKeys.problemWith(keyOfLength(length)))
                .hasValue("The key must decode to 16 to 64 bytes; this one has " + length + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "AAAA*AAAAAAAAAAAAAAAAAAAAA==", "QUJD=REVG", "a2V5 a2V5a2V5a2V5a2V5a2V5"})
    void textThatIsNotBase64IsRefused(String key) {
        assertThat(SymmetricKeys.problemWith(key)).hasValue("The key must be valid base64.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aMissingKeyIsRefusedWithAHintThatOneCanBeGenerated(String key) {
        assertThat(SymmetricKeys.problemWith(key)).hasValueSatisfying(m -> assertThat(m).contains("generate"));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(SymmetricKeys.problemWith("  " + keyOfLength(32) + "\n")).isEmpty();
    }

    @RepeatedTest(5)
    void generatedKeysAre64RandomBytesAndValid() {
        String generated = SymmetricKeys.generate();

        assertThat(Base64.getDecoder().decode(generated)).hasSize(64);
        assertThat(generated).hasSize(88);
        assertThat(SymmetricKeys.problemWith(generated)).isEmpty();
    }

    @Test
    void twoGeneratedKeysDiffer() {
        assertThat(SymmetricKeys.generate()).isNotEqualTo(SymmetricKeys.generate());
    }

    private static String sign(String base64Key, String stringToSign) {
        byte[] mac = SymmetricKeys.hmacSha256(Base64.getDecoder().decode(base64Key), stringToSign.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    private static String keyOfLength(int bytes) {
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
