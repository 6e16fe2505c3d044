package io.localdps.attestation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Base64;

import static io.localdps.attestation.TestSasTokens.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SasTokenTest {

    @Test
    void keepsSrAndSeExactlyAsSentAndDecodesSrForComparison() {
        SasToken token = SasToken.parse(token(SR_C_STYLE, SIG_C_STYLE_ENCODED, SE, "registration"));

        assertThat(token.resourceAsSent()).isEqualTo(SR_C_STYLE);
        assertThat(token.resource()).isEqualTo("0ne00ABC123/registrations/sensor-0042");
        assertThat(token.expiryAsSent()).isEqualTo(SE);
        assertThat(token.expiry()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(token.keyName()).contains("registration");
    }

    @Test
    void aPlusInTheSignatureStaysAPlus() {
        SasToken token = SasToken.parse(token(SERVICE_HOST, SERVICE_SIG, SE, "owner"));

        assertThat(token.signature()).isEqualTo(Base64.getDecoder().decode(SERVICE_SIG));
    }

    @Test
    void aPlusInTheResourceIsNotTurnedIntoASpace() {
        SasToken token = SasToken.parse(token("scope/registrations/a+b", SIG_JAVA_STYLE_ENCODED, SE, null));

        assertThat(token.resource()).isEqualTo("scope/registrations/a+b");
    }

    @Test
    void percentEscapesInTheSignatureMayUseEitherHexCase() {
        SasToken upper = SasToken.parse(token(SERVICE_HOST, "%2B%2BL03iIGfymJBzOvMLKDYQ7xSzWkoSGbvjPiWWaSDNM%3D", SE, "o"));
        SasToken lower = SasToken.parse(token(SERVICE_HOST, "%2b%2bL03iIGfymJBzOvMLKDYQ7xSzWkoSGbvjPiWWaSDNM%3d", SE, "o"));

        assertThat(lower.signature()).isEqualTo(upper.signature()).isEqualTo(Base64.getDecoder().decode(SERVICE_SIG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SharedAccessSignature", "sharedaccesssignature", "SHAREDACCESSSIGNATURE"})
    void theSchemeIsCaseInsensitive(String scheme) {
        SasToken token = SasToken.parse(scheme + " sr=" + SR_JAVA_STYLE + "&sig=" + SIG_JAVA_STYLE_ENCODED + "&se=" + SE);

        assertThat(token.resourceAsSent()).isEqualTo(SR_JAVA_STYLE);
    }

    @Test
    void fieldsMayComeInAnyOrderAsNodeSendsThem() {
        SasToken token = SasToken.parse("SharedAccessSignature sr=" + SR_JAVA_STYLE + "&sig=" + SIG_JAVA_STYLE_ENCODED
                + "&skn=registration&se=" + SE);

        assertThat(token.expiryAsSent()).isEqualTo(SE);
        assertThat(token.keyName()).contains("registration");
    }

    @Test
    void anEmptySknIsPresentButEmptyAndAMissingOneIsAbsent() {
        assertThat(SasToken.parse(token(SR_JAVA_STYLE, SIG_JAVA_STYLE_ENCODED, SE, "")).keyName()).contains("");
        assertThat(SasToken.parse(token(SR_JAVA_STYLE, SIG_JAVA_STYLE_ENCODED, SE, null)).keyName()).isEmpty();
    }

    @Test
    void aSignatureValueMayItselfContainEqualsSigns() {
        // Each field is split on its first '=' only.
        SasToken token = SasToken.parse(token(SR_JAVA_STYLE, "S0GQBCboIFqDl4uOCFkse1EPn9156P1jpEJS1iTgAVs=", SE, ""));

        assertThat(token.signature()).hasSize(32);
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndStrayAmpersands() {
        SasToken token = SasToken.parse("SharedAccessSignature sr=" + SR_JAVA_STYLE + "&&foo=bar&sig="
                + SIG_JAVA_STYLE_ENCODED + "&se=" + SE + "&");

        assertThat(token.resourceAsSent()).isEqualTo(SR_JAVA_STYLE);
    }

    @Test
    void decodesPercentEncodedUtf8InTheResource() {
        SasToken token = SasToken.parse(token("scope/registrations/caf%C3%A9", SIG_JAVA_STYLE_ENCODED, SE, null));

        assertThat(token.resource()).isEqualTo("scope/registrations/café");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "sr=a&sig=AAAA&se=1",
            "SharedAccessSignaturesr=a&sig=AAAA&se=1",
            "Bearer sr=a&sig=AAAA&se=1",
            "SharedAccessSignature sig=AAAA&se=1",
            "SharedAccessSignature sr=a&se=1",
            "SharedAccessSignature sr=a&sig=AAAA",
            "SharedAccessSignature sr=&sig=AAAA&se=1",
            "SharedAccessSignature sr=a&sr=b&sig=AAAA&se=1",
            "SharedAccessSignature sr=a&SR=a&sig=AAAA&se=1",
            "SharedAccessSignature sr=a&sig=AAAA&se=1&skn=x&skn=y",
            "SharedAccessSignature sr=a&sig&se=1",
            "SharedAccessSignature sr=a&sig=AAAA&se=-1",
            "SharedAccessSignature sr=a&sig=AAAA&se=1.5",
            "SharedAccessSignature sr=a&sig=AAAA&se=99999999999999999999",
            "SharedAccessSignature sr=a%2&sig=AAAA&se=1",
            "SharedAccessSignature sr=a%zz&sig=AAAA&se=1",
            "SharedAccessSignature sr=a%FF&sig=AAAA&se=1",
            "SharedAccessSignature sr=a&sig=not*base64&se=1",
    })
    void refusesWhatIsNotAWellFormedToken(String text) {
        assertThatThrownBy(() -> SasToken.parse(text)).isInstanceOf(MalformedSasTokenException.class);
    }

    @Test
    void reportsADuplicateFieldByName() {
        assertThatThrownBy(() -> SasToken.parse("SharedAccessSignature sr=a&sig=AAAA&se=1&se=2"))
                .hasMessageContaining("duplicate field 'se'");
    }

    @Test
    void neverRepeatsTheSignatureInItsTextForm() {
        SasToken token = SasToken.parse(token(SR_JAVA_STYLE, SIG_JAVA_STYLE_ENCODED, SE, ""));

        assertThat(token.toString()).doesNotContain("S0GQBC").contains(SR_JAVA_STYLE);
    }

    @Test
    void isExpiredFromTheSecondNamedInSeOnwards() {
        SasToken token = SasToken.parse(token(SR_JAVA_STYLE, SIG_JAVA_STYLE_ENCODED, SE, ""));

        assertThat(token.isExpiredAt(Instant.parse("2025-12-31T23:59:59.999Z"))).isFalse();
        assertThat(token.isExpiredAt(Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
    }
}
