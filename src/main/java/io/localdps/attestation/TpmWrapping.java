package io.localdps.attestation;

import static io.localdps.attestation.TpmBytes.concat;
import static io.localdps.attestation.TpmBytes.u16;

/**
 * The symmetric halves of TPM2_Duplicate and TPM2_MakeCredential done in software (security.md §6.4
 * steps B–D). Kept apart from RSA-OAEP, which is randomised, so each intermediate value can be
 * checked against the §6.4a vectors.
 */
final class TpmWrapping {

    private static final byte[] EMPTY = new byte[0];
    private static final int HMAC_SIZE = 32;

    private TpmWrapping() {
    }

    /**
     * Step B, the inner wrapper: {@code CFB(innerWrapKey, UINT16(32) ‖ SHA-256(sens2B ‖ Name) ‖ sens2B)}.
     * The device's TPM2_Import strips it with the innerWrapKey it recovered by ActivateCredential, so
     * only the holder of the EK can import the ID key.
     */
    static byte[] innerWrap(TpmIdKey idKey, byte[] innerWrapKey) {
        byte[] innerIntegrity = innerIntegrity(idKey);
        return TpmCrypto.aesCfbEncrypt(innerWrapKey, concat(u16(innerIntegrity.length), innerIntegrity, idKey.sensitive2B()));
    }

    static byte[] innerIntegrity(TpmIdKey idKey) {
        return TpmCrypto.sha256(idKey.sensitive2B(), idKey.name());
    }

    /** Step C's symmetric part: the outer wrapper that only the SRK (holder of dupSeed) can remove. */
    record OuterWrap(byte[] symKey, byte[] hmacKey, byte[] dupSens, byte[] outerHmac) {
        /** The TPM2B_PRIVATE content, part #3: {@code UINT16(32) ‖ outerHmac ‖ dupSens}. */
        byte[] duplicate() {
            return concat(u16(outerHmac.length), outerHmac, dupSens);
        }
    }

    /**
     * @param parentSymmetricBits the SRK's symmetric keyBits, which size the "STORAGE" key
     */
    static OuterWrap outerWrap(byte[] dupSeed, byte[] idKeyName, byte[] encInner, int parentSymmetricBits) {
        byte[] symKey = TpmCrypto.kdfa(dupSeed, "STORAGE", idKeyName, EMPTY, parentSymmetricBits);
        byte[] dupSens = TpmCrypto.aesCfbEncrypt(symKey, encInner);
        byte[] hmacKey = TpmCrypto.kdfa(dupSeed, "INTEGRITY", EMPTY, EMPTY, HMAC_SIZE * 8);
        byte[] outerHmac = SymmetricKeys.hmacSha256(hmacKey, concat(dupSens, idKeyName));
        return new OuterWrap(symKey, hmacKey, dupSens, outerHmac);
    }

    /** Step D's symmetric part: MakeCredential's encrypted and integrity-protected credential. */
    record Credential(byte[] symKey2, byte[] encIdentity, byte[] hmacKey2, byte[] integrityHmac) {
        /** The TPMS_ID_OBJECT, part #1's content: {@code UINT16(32) ‖ integrityHMAC ‖ encIdentity}. */
        byte[] idObject() {
            return concat(u16(integrityHmac.length), integrityHmac, encIdentity);
        }
    }

    /**
     * @param objectName       Name of the object the device will activate with: the SRK's, because the
     *                         SDKs call ActivateCredential with the SRK as activateHandle
     * @param credential       the secret to deliver (the innerWrapKey)
     * @param ekSymmetricBits  the EK's symmetric keyBits
     */
    static Credential makeCredential(byte[] credSeed, byte[] objectName, byte[] credential, int ekSymmetricBits) {
        byte[] symKey2 = TpmCrypto.kdfa(credSeed, "STORAGE", objectName, EMPTY, ekSymmetricBits);
        byte[] encIdentity = TpmCrypto.aesCfbEncrypt(symKey2, TpmBytes.tpm2b(credential));
        byte[] hmacKey2 = TpmCrypto.kdfa(credSeed, "INTEGRITY", EMPTY, EMPTY, HMAC_SIZE * 8);
        byte[] integrityHmac = SymmetricKeys.hmacSha256(hmacKey2, concat(encIdentity, objectName));
        return new Credential(symKey2, encIdentity, hmacKey2, integrityHmac);
    }
}
