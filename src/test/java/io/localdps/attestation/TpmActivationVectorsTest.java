package io.localdps.attestation;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * security.md §6.4a: the deterministic symmetric parts of the activation blob, as printed by
 * tpm_blob_reference.py (the code that passed the swtpm round trip). These are the acceptance
 * criterion for the construction; RSA-OAEP is covered by the round-trip test.
 */
class TpmActivationVectorsTest {

    static final byte[] K = range(0, 32);
    static final byte[] SEED_VALUE = range(32, 64);
    static final byte[] INNER_WRAP_KEY = range(64, 80);
    static final byte[] DUP_SEED = range(80, 112);
    static final byte[] CRED_SEED = range(112, 144);
    /** Name(SRK) replaced by a fixed value in the vectors. */
    static final byte[] SRK_NAME = hex("000b" + "aa".repeat(32));

    static final String ID_KEY_PUBLIC =
            "0008000b0004004000000005000b002084e4bd6ca2af96412fdc62fe44d4e9709cdc31933081a62486a48a154b582d53";
    static final String ID_KEY_NAME = "000b4c7bebc167ca603843a68bc95e9e8fe41261157b082dba47d1fa7e2f09f73631";
    static final String SENS_2B = "0048000800000020202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
            + "0020000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String INNER_INTEGRITY = "f6f87c2670fc8281b430864adb6ad89c54341cd3fe143a7e4dadc7615b8d126a";
    static final String ENC_INNER = "18b9a0b2e18eae7fbfa47327bfa076a4fbac35218b277fe1129cb561cd6cb715fe831325631d6be4"
            + "bccb00c121ea6ef61d369afa42e5f7c5e042f55b243ad9c64b586cf726a8106c4af8cbe1343ba9a446a367c22474dd480809e0f1"
            + "b9be97c42c3d66f2c8d41c3108971b20";
    static final String SYM_KEY = "3411c640b9a486400f2ccba3d94645da";
    static final String HMAC_KEY = "6cd6174fcebfe9bf57eda6b3bacf7f2d0e5af0356323f6ba9dd83b7208f0f1b4";
    static final String DUP_SENS = "aef542540018e85293cb4666511bd416b27f316e024a5a7c092f8d0826fdc0fb9f3c5cfc8ee2e659"
            + "598e9d803f7ad90de8d3b4035d16a08dd8a8119d7b298358270c648156a39c9c3ae17853a710b9a718458a06fa35f68852aec9de"
            + "e2c0676afdcbf6bf1c71e7d5e74b3b9b";
    static final String OUTER_HMAC = "d6dbe8a33090007da87de3121c3e1b59e1c1d49ec7cff46d8d858c23dfe18ef7";
    static final String SYM_KEY_2 = "42d98becb85c1ae6bd6d8fbfd74c64f9";
    static final String ENC_IDENTITY = "4d48e9dfc5883ff088abbad0e62d118caaea";
    static final String HMAC_KEY_2 = "0a3188d91ba462508efb6bac568a2066a8774d8e4695f29d6d0611c00086489f";
    static final String INTEGRITY_HMAC = "0f840c5d79a2af87afe9b5a8eca9aa8f6f4068072fce7a13d71bb44e18879335";

    private static final TpmIdKey ID_KEY = TpmIdKey.create(K, SEED_VALUE, TpmActivation.ID_KEY_ATTRIBUTES);

    @Test
    void theIdKeyPublicAreaIsTheSpecsTpmtPublic() {
        assertThat(hex(ID_KEY.tpmtPublic())).isEqualTo(ID_KEY_PUBLIC);
    }

    @Test
    void theIdKeyNameIsTheSpecsName() {
        assertThat(hex(ID_KEY.name())).isEqualTo(ID_KEY_NAME);
    }

    @Test
    void theIdKeySensitiveAreaIsTheSpecsSens2B() {
        assertThat(hex(ID_KEY.sensitive2B())).isEqualTo(SENS_2B);
    }

    @Test
    void theInnerIntegrityIsTheSpecsValue() {
        assertThat(hex(TpmWrapping.innerIntegrity(ID_KEY))).isEqualTo(INNER_INTEGRITY);
    }

    @Test
    void theInnerWrapperIsTheSpecsEncInner() {
        assertThat(hex(TpmWrapping.innerWrap(ID_KEY, INNER_WRAP_KEY))).isEqualTo(ENC_INNER);
    }

    @Test
    void theOuterWrapperKeysDupSensAndHmacAreTheSpecsValues() {
        TpmWrapping.OuterWrap outer = TpmWrapping.outerWrap(DUP_SEED, ID_KEY.name(), hex(ENC_INNER), 128);

        assertThat(hex(outer.symKey())).isEqualTo(SYM_KEY);
        assertThat(hex(outer.hmacKey())).isEqualTo(HMAC_KEY);
        assertThat(hex(outer.dupSens())).isEqualTo(DUP_SENS);
        assertThat(hex(outer.outerHmac())).isEqualTo(OUTER_HMAC);
        assertThat(hex(outer.duplicate())).isEqualTo("0020" + OUTER_HMAC + DUP_SENS);
    }

    @Test
    void theCredentialKeysEncIdentityAndIntegrityHmacAreTheSpecsValues() {
        TpmWrapping.Credential credential = TpmWrapping.makeCredential(CRED_SEED, SRK_NAME, INNER_WRAP_KEY, 128);

        assertThat(hex(credential.symKey2())).isEqualTo(SYM_KEY_2);
        assertThat(hex(credential.encIdentity())).isEqualTo(ENC_IDENTITY);
        assertThat(hex(credential.hmacKey2())).isEqualTo(HMAC_KEY_2);
        assertThat(hex(credential.integrityHmac())).isEqualTo(INTEGRITY_HMAC);
        assertThat(hex(credential.idObject())).isEqualTo("0020" + INTEGRITY_HMAC + ENC_IDENTITY);
    }

    @Test
    void kdfaProducesLongerOutputByCountingBlocks() {
        // 512 bits = two HMAC blocks with counters 1 and 2; the first block differs from a 256-bit
        // request because the requested size is part of the HMAC input.
        byte[] twoBlocks = TpmCrypto.kdfa(DUP_SEED, "INTEGRITY", new byte[0], new byte[0], 512);

        assertThat(twoBlocks).hasSize(64);
        assertThat(twoBlocks).isEqualTo(SoftwareTpm.kdfa(DUP_SEED, "INTEGRITY", new byte[0], new byte[0], 512));
        assertThat(hex(java.util.Arrays.copyOf(twoBlocks, 32))).isNotEqualTo(HMAC_KEY);
    }

    static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
