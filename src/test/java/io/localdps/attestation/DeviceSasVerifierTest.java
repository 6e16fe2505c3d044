package io.localdps.attestation;

import io.localdps.attestation.SasVerification.Accepted;
import io.localdps.attestation.SasVerification.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.localdps.attestation.TestSasTokens.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceSasVerifierTest {

    private static final Instant BEFORE_EXPIRY = Instant.parse("2025-12-31T23:00:00Z");
    private static final List<SasKey> ONLY_THE_VECTOR_KEY = List.of(SasKey.primary(DEVICE_KEY));

    private static SasVerification verify(String token, List<SasKey> keys) {
        return DeviceSasVerifier.verify(token, ID_SCOPE, REGISTRATION_ID, keys, BEFORE_EXPIRY);
    }

    private static SasFailure failureOf(SasVerification verification) {
        assertThat(verification).isInstanceOf(Rejected.class);
        return ((Rejected) verification).failure();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Java and Node leave sr unencoded,   0ne00ABC123/registrations/sensor-0042,     S0GQBCboIFqDl4uOCFkse1EPn9156P1jpEJS1iTgAVs%3D,   ''",
            "Python and C# encode in upper case, 0ne00ABC123%2Fregistrations%2Fsensor-0042, 4vIhk326vxe5crjX4XtcSNzO1FMbBGj6nD%2FO7nSI06M%3D, registration",
            "C encodes in lower case,            0ne00ABC123%2fregistrations%2fsensor-0042, AjhLFCXCMd2USqNJaM8dcssrmjS5GD%2BI8yJMwYzpueU%3D, registration",
    })
    void acceptsTheSpecVectorOfEachSdkStyle(String style, String sr, String sig, String skn) {
        SasVerification result = verify(token(sr, sig, SE, skn), ONLY_THE_VECTOR_KEY);

        assertThat(result).isEqualTo(new Accepted(SasKey.Role.PRIMARY, Optional.empty()));
    }

    @Test
    void acceptsATokenWithoutSknAsPythonSendsIt() {
        assertThat(verify(token(SR_PYTHON_STYLE, SIG_PYTHON_STYLE_ENCODED, SE, null), ONLY_THE_VECTOR_KEY).accepted())
                .isTrue();
    }

    @Test
    void acceptsNodesFieldOrder() {
        String node = "SharedAccessSignature sr=" + SR_JAVA_STYLE + "&sig=" + SIG_JAVA_STYLE_ENCODED
                + "&skn=registration&se=" + SE;

        assertThat(verify(node, ONLY_THE_VECTOR_KEY).accepted()).isTrue();
    }

    @Test
    void saysTheSecondaryKeyMatchedWhenOnlyTheSecondaryKeySignedIt() {
        List<SasKey> keys = List.of(SasKey.primary(randomKey()), SasKey.secondary(DEVICE_KEY));

        assertThat(verify(deviceToken(DEVICE_KEY, SE), keys)).isEqualTo(new Accepted(SasKey.Role.SECONDARY, Optional.empty()));
    }

    @Test
    void triesKeysInTheCallersOrderAndStopsAtTheFirstMatch() {
        List<SasKey> keys = List.of(SasKey.fromBase64(SasKey.Role.TPM_CHALLENGE, DEVICE_KEY), SasKey.secondary(DEVICE_KEY));

        assertThat(verify(deviceToken(DEVICE_KEY, SE), keys)).isEqualTo(new Accepted(SasKey.Role.TPM_CHALLENGE, Optional.empty()));
    }

    @Test
    void acceptsAGroupDevicesTokenSignedWithItsDerivedKeyButNotTheGroupKeyItself() {
        String derived = SymmetricKeys.deriveDeviceKey(DEVICE_KEY, REGISTRATION_ID);
        assertThat(derived).isEqualTo("mCiJwVdetf66u+QiHyD3gmGd52l6V1nW2c02w6bgyuU="); // §1.3a
        List<SasKey> derivedKeys = List.of(SasKey.primary(derived));

        assertThat(verify(deviceToken(derived, SE), derivedKeys).accepted()).isTrue();
        assertThat(failureOf(verify(deviceToken(DEVICE_KEY, SE), derivedKeys))).isEqualTo(SasFailure.SIGNATURE_MISMATCH);
    }

    @Test
    void comparesTheResourceCaseInsensitively() {
        String sr = "0NE00abc123/REGISTRATIONS/Sensor-0042";
        String token = token(sr, urlEncode(sign(DEVICE_KEY, sr, SE)), SE, "");

        assertThat(verify(token, ONLY_THE_VECTOR_KEY).accepted()).isTrue();
    }

    @Test
    void acceptsASignatureOverAnotherSpellingOfTheResourceAsTheSpecAsksDefensively() {
        // Sent encoded, but signed over the decoded text.
        String token = token(SR_PYTHON_STYLE, urlEncode(sign(DEVICE_KEY, SR_JAVA_STYLE, SE)), SE, "");

        assertThat(verify(token, ONLY_THE_VECTOR_KEY).accepted()).isTrue();
    }

    @Test
    void acceptsAnEncodedColonInTheRegistrationIdWhateverItsHexCase() {
        String sr = "0ne00ABC123%2fregistrations%2fdev%3a01";
        String token = token(sr, urlEncode(sign(DEVICE_KEY, sr, SE)), SE, "registration");

        assertThat(DeviceSasVerifier.verify(token, ID_SCOPE, "dev:01", ONLY_THE_VECTOR_KEY, BEFORE_EXPIRY).accepted())
                .isTrue();
    }

    @Test
    void refusesATokenForAnotherRegistrationId() {
        SasVerification result = DeviceSasVerifier.verify(deviceToken(DEVICE_KEY, SE), ID_SCOPE, "sensor-0043",
                ONLY_THE_VECTOR_KEY, BEFORE_EXPIRY);

        assertThat(failureOf(result)).isEqualTo(SasFailure.WRONG_RESOURCE);
        assertThat(((Rejected) result).detail()).contains("sensor-0042", "sensor-0043");
    }

    @Test
    void refusesATokenForAnotherIdScope() {
        SasVerification result = DeviceSasVerifier.verify(deviceToken(DEVICE_KEY, SE), "0ne00ABC124", REGISTRATION_ID,
                ONLY_THE_VECTOR_KEY, BEFORE_EXPIRY);

        assertThat(failureOf(result)).isEqualTo(SasFailure.WRONG_RESOURCE);
    }

    @Test
    void refusesAResourceWithExtraSegments() {
        String sr = SR_JAVA_STYLE + "/extra";
        String token = token(sr, urlEncode(sign(DEVICE_KEY, sr, SE)), SE, "");

        assertThat(failureOf(verify(token, ONLY_THE_VECTOR_KEY))).isEqualTo(SasFailure.WRONG_RESOURCE);
    }

    @Test
    void refusesATokenFromTheSecondItExpiresOn() {
        SasVerification atExpiry = DeviceSasVerifier.verify(deviceToken(DEVICE_KEY, SE), ID_SCOPE, REGISTRATION_ID,
                ONLY_THE_VECTOR_KEY, Instant.ofEpochSecond(Long.parseLong(SE)));
        SasVerification oneSecondBefore = DeviceSasVerifier.verify(deviceToken(DEVICE_KEY, SE), ID_SCOPE, REGISTRATION_ID,
                ONLY_THE_VECTOR_KEY, Instant.ofEpochSecond(Long.parseLong(SE) - 1));

        assertThat(failureOf(atExpiry)).isEqualTo(SasFailure.EXPIRED);
        assertThat(((Rejected) atExpiry).detail()).contains("2026-01-01T00:00:00Z");
        assertThat(oneSecondBefore.accepted()).isTrue();
    }

    @Test
    void doesNotCapTheLifetimeBecauseCSharpAsksForADay() {
        String farFuture = String.valueOf(BEFORE_EXPIRY.getEpochSecond() + 400L * 24 * 3600);

        assertThat(verify(deviceToken(DEVICE_KEY, farFuture), ONLY_THE_VECTOR_KEY).accepted()).isTrue();
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() {
        SasVerification result = verify(deviceToken(randomKey(), SE), List.of(SasKey.primary(DEVICE_KEY), SasKey.secondary(randomKey())));

        assertThat(failureOf(result)).isEqualTo(SasFailure.SIGNATURE_MISMATCH);
        assertThat(((Rejected) result).detail()).contains("primary", "secondary").doesNotContain(DEVICE_KEY);
    }

    @Test
    void refusesATokenWhoseSeWasChangedAfterSigning() {
        String token = token(SR_JAVA_STYLE, SIG_JAVA_STYLE_ENCODED, "1767225601", "");

        assertThat(failureOf(verify(token, ONLY_THE_VECTOR_KEY))).isEqualTo(SasFailure.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesASignatureWhosePlusWasTurnedIntoASpaceOnTheWay() {
        String sig = sign(DEVICE_KEY, SR_C_STYLE, SE); // contains a '+'
        assertThat(sig).contains("+");
        String mangled = token(SR_C_STYLE, sig.replace('+', ' '), SE, "");

        assertThat(verify(mangled, ONLY_THE_VECTOR_KEY).accepted()).isFalse();
    }

    @Test
    void acceptsAnUnescapedPlusInTheSignature() {
        String token = token(SR_C_STYLE, sign(DEVICE_KEY, SR_C_STYLE, SE), SE, "");

        assertThat(verify(token, ONLY_THE_VECTOR_KEY).accepted()).isTrue();
    }

    @Test
    void refusesWhenThereIsNoKeyToTry() {
        assertThat(failureOf(verify(deviceToken(DEVICE_KEY, SE), List.of()))).isEqualTo(SasFailure.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesAnSknOtherThanRegistration() {
        String token = token(SR_JAVA_STYLE, SIG_JAVA_STYLE_ENCODED, SE, "provisioningserviceowner");

        assertThat(failureOf(verify(token, ONLY_THE_VECTOR_KEY))).isEqualTo(SasFailure.UNEXPECTED_KEY_NAME);
    }

    @Test
    void acceptsRegistrationAsSknInAnyCase() {
        assertThat(verify(token(SR_JAVA_STYLE, SIG_JAVA_STYLE_ENCODED, SE, "Registration"), ONLY_THE_VECTOR_KEY).accepted())
                .isTrue();
    }

    @Test
    void reportsAMalformedTokenWithoutThrowing() {
        SasVerification result = verify("SharedAccessSignature sr=a&sr=b&sig=x&se=1", ONLY_THE_VECTOR_KEY);

        assertThat(failureOf(result)).isEqualTo(SasFailure.MALFORMED);
        assertThat(((Rejected) result).detail()).contains("duplicate field 'sr'");
    }

    @Test
    void reportsAMissingTokenAsMalformed() {
        assertThat(failureOf(verify(null, ONLY_THE_VECTOR_KEY))).isEqualTo(SasFailure.MALFORMED);
    }

    @Test
    void keepsLineBreaksFromTheDeviceOutOfTheFailureDetail() {
        String sr = "0ne00ABC123/registrations/x%0Aforged-log-line";
        String token = token(sr, urlEncode(sign(DEVICE_KEY, sr, SE)), SE, "");

        Rejected result = (Rejected) verify(token, ONLY_THE_VECTOR_KEY);

        assertThat(result.detail()).doesNotContain("\n").contains("x?forged-log-line");
    }

    @Test
    void neverQuotesAMalformedKeyWhenRefusingIt() {
        assertThatThrownBy(() -> SasKey.primary("secret*key"))
                .hasMessageNotContaining("*").hasMessageNotContaining("secret");
    }
}
