package io.localdps.lab;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabKeyCipherTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] SECRET = "-----BEGIN PRIVATE KEY----- secret".getBytes(StandardCharsets.US_ASCII);

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @Test
    void aSealedKeyOpensWithTheSameKeyAndThumbprint() {
        LabKeyCipher cipher = new LabKeyCipher(KEY);

        String sealed = cipher.seal(SECRET, "thumbprint-1");

        assertThat(cipher.open(sealed, "thumbprint-1")).isEqualTo(SECRET);
    }

    @Test
    void theSealedTextContainsNeitherThePlaintextNorItsBase64() {
        String sealed = new LabKeyCipher(KEY).seal(SECRET, "thumbprint-1");

        assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
        assertThat(sealed).doesNotContain(Base64.getEncoder().encodeToString(SECRET).substring(0, 16));
    }

    @Test
    void sealingTwiceGivesDifferentTextBecauseEachSealHasItsOwnIv() {
        LabKeyCipher cipher = new LabKeyCipher(KEY);

        assertThat(cipher.seal(SECRET, "t")).isNotEqualTo(cipher.seal(SECRET, "t"));
    }

    @Test
    void aKeySealedForAnotherCertificateDoesNotOpen() {
        LabKeyCipher cipher = new LabKeyCipher(KEY);
        String sealed = cipher.seal(SECRET, "thumbprint-1");

        assertThatThrownBy(() -> cipher.open(sealed, "thumbprint-2")).hasMessageContaining("could not be decrypted");
    }

    @Test
    void anotherEncryptionKeyCannotOpenItAndHasAnotherId() {
        byte[] other = KEY.clone();
        other[0] = 8;
        String sealed = new LabKeyCipher(KEY).seal(SECRET, "t");

        assertThatThrownBy(() -> new LabKeyCipher(other).open(sealed, "t")).isInstanceOf(IllegalStateException.class);
        assertThat(new LabKeyCipher(other).keyId()).isNotEqualTo(new LabKeyCipher(KEY).keyId()).hasSize(16);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithAHint() {
        assertThatThrownBy(() -> new LabKeyCipher(new byte[16])).hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void aConfiguredEncryptionKeyIsUsedAsGiven() {
        String configured = Base64.getEncoder().encodeToString(KEY);

        LabKeyCipher cipher = new LabEncryptionKey().labKeyCipher(configured, null, null);

        assertThat(cipher.keyId()).isEqualTo(LabKeyCipher.idOf(KEY));
    }

    @Test
    void aConfiguredKeyThatIsNotBase64IsRefusedWithAHint() {
        assertThatThrownBy(() -> new LabEncryptionKey().labKeyCipher("not base64!", null, null))
                .hasMessageContaining("openssl rand -base64 32");
    }
}
