package io.localdps.attestation;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TPM endorsement keys as TPM2B_PUBLIC (security.md §6.1) and the SDK default registration ID (§6.2). */
class EndorsementKeyTest {

    @Test
    void anRsa2048EndorsementKeyIsReadWithItsModulusAndDefaultExponent() {
        TestEndorsementKeys ek = TestEndorsementKeys.rsa2048();

        EndorsementKey key = EndorsementKey.parse(ek.base64());

        assertThat(key.modulus()).isEqualTo(new BigInteger(1, ek.modulus()));
        assertThat(key.exponent()).isEqualTo(65537);
        assertThat(key.base64()).isEqualTo(ek.base64());
    }

    @Test
    void anExplicitExponentIsKept() {
        assertThat(EndorsementKey.parse(TestEndorsementKeys.rsa2048().exponent(3).base64()).exponent()).isEqualTo(3);
    }

    @Test
    void base64BrokenIntoLinesWithSurroundingSpaceIsRead() {
        TestEndorsementKeys ek = TestEndorsementKeys.rsa2048();
        String wrapped = "  " + Base64.getMimeEncoder().encodeToString(ek.tpm2bPublic()) + "\n";

        assertThat(EndorsementKey.parse(wrapped).base64()).isEqualTo(ek.base64());
    }

    @Test
    void theDefaultRegistrationIdIsLowerCaseUnpaddedBase32OfTheSha256OfTheTpm2bBytes() throws Exception {
        TestEndorsementKeys ek = TestEndorsementKeys.rsa2048();
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(ek.tpm2bPublic());
        String expected = new Base32().encodeAsString(sha256).replace("=", "").toLowerCase(Locale.ROOT);

        String registrationId = EndorsementKey.parse(ek.base64()).defaultRegistrationId();

        assertThat(registrationId).isEqualTo(expected).hasSize(52).matches("[a-z2-7]+");
    }

    @Test
    void differentKeysHaveDifferentDefaultRegistrationIds() {
        String first = EndorsementKey.parse(TestEndorsementKeys.rsa2048().base64()).defaultRegistrationId();
        String second = EndorsementKey.parse(TestEndorsementKeys.rsa2048().base64()).defaultRegistrationId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void twoBlobsWithTheSameModulusAndExponentAreTheSameKey() {
        TestEndorsementKeys ek = TestEndorsementKeys.rsa2048();
        EndorsementKey template = EndorsementKey.parse(ek.base64());
        EndorsementKey otherAttributes = EndorsementKey.parse(ek.objectAttributes(0x00030072).base64());
        EndorsementKey otherModulus = EndorsementKey.parse(TestEndorsementKeys.rsa2048().base64());

        assertThat(template.sameKeyAs(otherAttributes)).isTrue();
        assertThat(template.sameKeyAs(otherModulus)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingKeyIsRefused(String text) {
        assertThatThrownBy(() -> EndorsementKey.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Enter the device's endorsement key");
    }

    @Test
    void textWithBrokenBase64PaddingIsRefused() {
        assertThatThrownBy(() -> EndorsementKey.parse("AQ=A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The endorsement key must be valid base64.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aGVsbG8gd29ybGQ=", "AAAA", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo="})
    void base64OfSomethingElseIsRefused(String garbage) {
        assertThatThrownBy(() -> EndorsementKey.parse(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endorsement key");
    }

    @Test
    void aSizeFieldThatDisagreesWithTheLengthIsRefused() {
        byte[] tpm2b = TestEndorsementKeys.rsa2048().tpm2bPublic();
        tpm2b[1]++;

        assertThatThrownBy(() -> EndorsementKey.parse(Base64.getEncoder().encodeToString(tpm2b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its size field says");
    }

    @Test
    void aBareTpmtPublicWithoutTheTpm2bSizeIsRefused() {
        String tpmt = Base64.getEncoder().encodeToString(TestEndorsementKeys.rsa2048().tpmtPublic());

        assertThatThrownBy(() -> EndorsementKey.parse(tpmt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a TPM2B_PUBLIC");
    }

    /** Cut inside the type, the attributes, the auth policy, the parameters and the modulus. */
    @ParameterizedTest
    @ValueSource(ints = {3, 7, 20, 42, 50, 100, 311})
    void aKeyCutOffAnywhereIsRefusedAsTruncated(int length) {
        byte[] tpm2b = TestEndorsementKeys.rsa2048().tpm2bPublic();
        String truncated = TestEndorsementKeys.withConsistentSize(Arrays.copyOf(tpm2b, length));

        assertThatThrownBy(() -> EndorsementKey.parse(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void bytesAfterTheModulusAreRefused() {
        byte[] tpm2b = TestEndorsementKeys.rsa2048().tpm2bPublic();
        String padded = TestEndorsementKeys.withConsistentSize(Arrays.copyOf(tpm2b, tpm2b.length + 4));

        assertThatThrownBy(() -> EndorsementKey.parse(padded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 unexpected bytes");
    }

    @Test
    void anEccEndorsementKeyIsRefused() {
        assertThatThrownBy(() -> EndorsementKey.parse(TestEndorsementKeys.rsa2048().type(0x0023).base64()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an RSA key");
    }

    @Test
    void anRsa1024KeyIsRefused() {
        byte[] modulus = Arrays.copyOf(TestEndorsementKeys.rsa2048().modulus(), 128);
        String rsa1024 = TestEndorsementKeys.rsa2048().keyBits(1024).modulus(modulus).base64();

        assertThatThrownBy(() -> EndorsementKey.parse(rsa1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be RSA-2048");
    }
}
