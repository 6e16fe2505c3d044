package io.localdps.simulator.tpm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The software TPM's device half of activation against the deterministic vectors of
 * security.md §6.4a, which {@code tpm_blob_reference.py} printed with the code that was
 * round-tripped through swtpm: ActivateCredential recovers the inner wrap key, Import recovers K.
 */
class SoftwareTpmVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] K = range(0, 32);
    private static final byte[] INNER_WRAP_KEY = range(64, 80);
    private static final byte[] DUP_SEED = range(80, 112);
    private static final byte[] CRED_SEED = range(112, 144);
    private static final byte[] SRK_NAME = HEX.parseHex("000b" + "aa".repeat(32));
    private static final byte[] ID_KEY_PUBLIC = HEX.parseHex(
            "0008000b0004004000000005000b002084e4bd6ca2af96412fdc62fe44d4e9709cdc31933081a62486a48a154b582d53");
    private static final String DUP_SENS = "aef542540018e85293cb4666511bd416b27f316e024a5a7c092f8d0826fdc0fb9f3c5cfc8ee2e659598e9d803f7ad9"
            + "0de8d3b4035d16a08dd8a8119d7b298358270c648156a39c9c3ae17853a710b9a718458a06fa35f68852aec9dee2c0676afdcbf6bf1c71e7d5e74b3b9b";
    private static final String OUTER_HMAC = "d6dbe8a33090007da87de3121c3e1b59e1c1d49ec7cff46d8d858c23dfe18ef7";
    private static final String ENC_IDENTITY = "4d48e9dfc5883ff088abbad0e62d118caaea";
    private static final String INTEGRITY_HMAC = "0f840c5d79a2af87afe9b5a8eca9aa8f6f4068072fce7a13d71bb44e18879335";

    @Test
    void theIdKeysNameAndTheKdfaKeysMatchTheReference() {
        byte[] idKeyName = TpmPublicArea.name(ID_KEY_PUBLIC);

        assertThat(HEX.formatHex(idKeyName)).isEqualTo("000b4c7bebc167ca603843a68bc95e9e8fe41261157b082dba47d1fa7e2f09f73631");
        assertThat(HEX.formatHex(TpmCryptography.kdfa(DUP_SEED, "STORAGE", idKeyName, new byte[0], 128)))
                .isEqualTo("3411c640b9a486400f2ccba3d94645da");
        assertThat(HEX.formatHex(TpmCryptography.kdfa(DUP_SEED, "INTEGRITY", new byte[0], new byte[0], 256)))
                .isEqualTo("6cd6174fcebfe9bf57eda6b3bacf7f2d0e5af0356323f6ba9dd83b7208f0f1b4");
        assertThat(HEX.formatHex(TpmCryptography.kdfa(CRED_SEED, "STORAGE", SRK_NAME, new byte[0], 128)))
                .isEqualTo("42d98becb85c1ae6bd6d8fbfd74c64f9");
        assertThat(HEX.formatHex(TpmCryptography.kdfa(CRED_SEED, "INTEGRITY", new byte[0], new byte[0], 256)))
                .isEqualTo("0a3188d91ba462508efb6bac568a2066a8774d8e4695f29d6d0611c00086489f");
    }

    @Test
    void activateCredentialRecoversTheInnerWrapKeyFromTheReferenceCredential() {
        byte[] idObject = HEX.parseHex("0020" + INTEGRITY_HMAC + ENC_IDENTITY);

        assertThat(TpmActivation.activateCredential(CRED_SEED, SRK_NAME, idObject)).isEqualTo(INNER_WRAP_KEY);
    }

    @Test
    void importRecoversTheHmacKeyFromTheReferenceDuplicate() {
        byte[] duplicate = HEX.parseHex("0020" + OUTER_HMAC + DUP_SENS);

        assertThat(TpmActivation.importHmacKey(DUP_SEED, ID_KEY_PUBLIC, duplicate, INNER_WRAP_KEY)).isEqualTo(K);
    }

    @Test
    void aCredentialBoundToAnotherStorageRootKeyIsRefusedAsATpmWould() {
        byte[] idObject = HEX.parseHex("0020" + INTEGRITY_HMAC + ENC_IDENTITY);
        byte[] otherSrk = HEX.parseHex("000b" + "bb".repeat(32));

        assertThatThrownBy(() -> TpmActivation.activateCredential(CRED_SEED, otherSrk, idObject))
                .isInstanceOf(TpmException.class).hasMessageStartingWith("TPM_RC_INTEGRITY");
    }

    @Test
    void aDuplicateOpenedWithTheWrongInnerWrapKeyFailsItsIntegrityCheck() {
        byte[] duplicate = HEX.parseHex("0020" + OUTER_HMAC + DUP_SENS);

        assertThatThrownBy(() -> TpmActivation.importHmacKey(DUP_SEED, ID_KEY_PUBLIC, duplicate, range(0, 16)))
                .isInstanceOf(TpmException.class).hasMessageStartingWith("TPM_RC_INTEGRITY");
    }

    @Test
    void theEndorsementKeyIsMarshalledWithTheDefaultEkTemplateAndKeptAcrossRuns(@TempDir Path state) {
        SoftwareTpm first = new TpmStateStore(state).open("device-1");
        SoftwareTpm again = new TpmStateStore(state).open("device-1");
        SoftwareTpm other = new TpmStateStore(state).open("device-2");

        // UINT16 size 314, RSA, SHA-256, attributes 0x000300b2, 32-byte policy: "AToAAQALAAMAsgAg..." as in device-api.md §2.1
        assertThat(HEX.formatHex(first.endorsementKeyPublic()).substring(0, 24)).isEqualTo("013a0001000b000300b20020");
        assertThat(first.endorsementKeyBase64()).startsWith("AToAAQALAAMAsgAg");
        assertThat(again.endorsementKeyBase64()).isEqualTo(first.endorsementKeyBase64());
        assertThat(again.storageRootKeyBase64()).isEqualTo(first.storageRootKeyBase64());
        assertThat(other.endorsementKeyBase64()).isNotEqualTo(first.endorsementKeyBase64());
    }

    @Test
    void theDefaultRegistrationIdIsLowerCaseUnpaddedBase32OfTheEkDigest(@TempDir Path state) {
        SoftwareTpm tpm = new TpmStateStore(state).open("device-1");

        assertThat(SoftwareTpm.base32("foobar".getBytes())).isEqualTo("MZXW6YTBOI");
        assertThat(tpm.defaultRegistrationId()).matches("[a-z2-7]{52}")
                .isEqualTo(SoftwareTpm.base32(TpmCryptography.sha256(tpm.endorsementKeyPublic())).toLowerCase());
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        IntStream.range(from, to).forEach(i -> bytes[i - from] = (byte) i);
        return bytes;
    }
}
