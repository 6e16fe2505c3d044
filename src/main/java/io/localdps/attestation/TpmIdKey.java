package io.localdps.attestation;

import static io.localdps.attestation.TpmBytes.concat;
import static io.localdps.attestation.TpmBytes.tpm2b;
import static io.localdps.attestation.TpmBytes.u16;
import static io.localdps.attestation.TpmBytes.u32;

/**
 * The DPS "ID key": a keyed-hash (HMAC-SHA-256) TPM object whose secret is the key K the server
 * wants the device to sign with (security.md §6.4 step A). The server creates it in software and
 * sends it duplicated to the device's SRK.
 *
 * @param tpmtPublic  marshalled TPMT_PUBLIC, part #5 of the blob
 * @param name        Name(tpmtPublic); binds the inner and outer wrappers to this public area
 * @param sensitive2B TPM2B_SENSITIVE ({@code UINT16 size ‖ TPMT_SENSITIVE}), what the wrappers protect
 */
record TpmIdKey(byte[] tpmtPublic, byte[] name, byte[] sensitive2B) {

    static final int TPM_ALG_KEYEDHASH = 0x0008;
    static final int TPM_ALG_HMAC = 0x0005;

    static final int ATTRIBUTE_USER_WITH_AUTH = 0x00000040;
    static final int ATTRIBUTE_NO_DA = 0x00000400;
    static final int ATTRIBUTE_SIGN = 0x00040000;
    /**
     * fixedTPM, fixedParent, sensitiveDataOrigin, restricted and decrypt must stay clear: TPM2_Import
     * refuses fixed objects, and the TPM did not generate this secret.
     */
    static final int FORBIDDEN_ATTRIBUTES = 0x00000002 | 0x00000010 | 0x00000020 | 0x00010000 | 0x00020000;

    /**
     * @param hmacKey    K, the secret the device will HMAC with
     * @param seedValue  the obfuscation seed; {@code unique = SHA-256(seedValue ‖ K)} is what TPM2_Load checks
     * @param attributes objectAttributes; must include sign
     */
    static TpmIdKey create(byte[] hmacKey, byte[] seedValue, int attributes) {
        if ((attributes & FORBIDDEN_ATTRIBUTES) != 0 || (attributes & ATTRIBUTE_SIGN) == 0) {
            throw new IllegalArgumentException("ID key attributes must include sign and exclude fixedTPM, fixedParent, "
                    + "sensitiveDataOrigin, restricted and decrypt: 0x" + Integer.toHexString(attributes));
        }
        byte[] sensitive = concat(
                u16(TPM_ALG_KEYEDHASH),   // sensitiveType
                tpm2b(new byte[0]),       // authValue: empty, the device uses the key with a password session of ""
                tpm2b(seedValue),         // seedValue
                tpm2b(hmacKey));          // sensitive.bits = K
        byte[] tpmtPublic = concat(
                u16(TPM_ALG_KEYEDHASH),   // type
                u16(TpmCrypto.TPM_ALG_SHA256), // nameAlg
                u32(attributes),
                tpm2b(new byte[0]),       // authPolicy: none
                u16(TPM_ALG_HMAC),        // TPMS_KEYEDHASH_PARMS.scheme
                u16(TpmCrypto.TPM_ALG_SHA256), // scheme.details.hashAlg: the SDKs HMAC with this hash
                tpm2b(TpmCrypto.sha256(seedValue, hmacKey))); // unique
        return new TpmIdKey(tpmtPublic, TpmCrypto.name(tpmtPublic), tpm2b(sensitive));
    }
}
