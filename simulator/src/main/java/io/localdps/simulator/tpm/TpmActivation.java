package io.localdps.simulator.tpm;

import java.util.Arrays;

/**
 * The symmetric halves of TPM2_ActivateCredential and TPM2_Import + Load, given the seeds the EK
 * and SRK decrypted (kept apart from RSA so the spec's deterministic vectors test them).
 */
final class TpmActivation {

    private static final int DIGEST = 32;
    private static final int SYMMETRIC_BITS = 128;

    private TpmActivation() {
    }

    /**
     * ActivateCredential after the EK decrypted the seed: checks the credential's integrity HMAC
     * against the activated object's Name (the SRK) and returns the credential (the inner wrap key).
     */
    static byte[] activateCredential(byte[] credentialSeed, byte[] objectName, byte[] idObject) {
        TpmBuffer.In in = new TpmBuffer.In(idObject);
        byte[] integrity = in.tpm2b();
        byte[] encIdentity = new byte[idObject.length - 2 - integrity.length];
        System.arraycopy(idObject, 2 + integrity.length, encIdentity, 0, encIdentity.length);
        byte[] hmacKey = TpmCryptography.kdfa(credentialSeed, "INTEGRITY", new byte[0], new byte[0], DIGEST * 8);
        if (integrity.length != DIGEST || !TpmCryptography.same(integrity, TpmCryptography.hmac(hmacKey, encIdentity, objectName))) {
            throw new TpmException("TPM_RC_INTEGRITY: the credential was not made for this EK and SRK");
        }
        byte[] symmetricKey = TpmCryptography.kdfa(credentialSeed, "STORAGE", objectName, new byte[0], SYMMETRIC_BITS);
        TpmBuffer.In identity = new TpmBuffer.In(TpmCryptography.cfbDecrypt(symmetricKey, encIdentity));
        byte[] credential = identity.tpm2b();
        identity.requireEnd();
        return credential;
    }

    /**
     * Import with an inner wrapper, then the checks of Load: removes the outer (SRK) wrapper after
     * checking its HMAC, the inner wrapper after checking its integrity digest, parses the
     * TPMT_SENSITIVE and checks that the public area's {@code unique} binds it. Returns the HMAC key.
     */
    static byte[] importHmacKey(byte[] duplicationSeed, byte[] idKeyPublic, byte[] duplicate, byte[] innerWrapKey) {
        if (innerWrapKey.length * 8 != SYMMETRIC_BITS) {
            throw new TpmException("TPM_RC_SIZE: the inner wrap key must be an AES-128 key");
        }
        TpmPublicArea.KeyedHash publicArea = TpmPublicArea.KeyedHash.parse(idKeyPublic);
        byte[] name = TpmPublicArea.name(idKeyPublic);
        TpmBuffer.In in = new TpmBuffer.In(duplicate);
        byte[] outerHmac = in.tpm2b();
        byte[] dupSensitive = Arrays.copyOfRange(duplicate, 2 + outerHmac.length, duplicate.length);
        byte[] hmacKey = TpmCryptography.kdfa(duplicationSeed, "INTEGRITY", new byte[0], new byte[0], DIGEST * 8);
        if (outerHmac.length != DIGEST || !TpmCryptography.same(outerHmac, TpmCryptography.hmac(hmacKey, dupSensitive, name))) {
            throw new TpmException("TPM_RC_INTEGRITY: the duplicate's outer HMAC does not match (wrong SRK?)");
        }
        byte[] symmetricKey = TpmCryptography.kdfa(duplicationSeed, "STORAGE", name, new byte[0], SYMMETRIC_BITS);
        byte[] encInner = TpmCryptography.cfbDecrypt(symmetricKey, dupSensitive);
        byte[] inner = TpmCryptography.cfbDecrypt(innerWrapKey, encInner);
        // a wrong inner wrap key gives noise: its size field is as likely wrong as its digest
        if (inner.length < 2 + DIGEST || ((inner[0] & 0xFF) << 8 | (inner[1] & 0xFF)) != DIGEST) {
            throw new TpmException("TPM_RC_INTEGRITY: the inner wrapper does not open (wrong inner wrap key?)");
        }
        byte[] innerIntegrity = Arrays.copyOfRange(inner, 2, 2 + DIGEST);
        byte[] sensitive2b = Arrays.copyOfRange(inner, 2 + DIGEST, inner.length);
        if (!TpmCryptography.same(innerIntegrity, TpmCryptography.sha256(sensitive2b, name))) {
            throw new TpmException("TPM_RC_INTEGRITY: the inner integrity digest does not match (wrong inner wrap key?)");
        }
        TpmBuffer.In sensitiveIn = new TpmBuffer.In(sensitive2b);
        TpmBuffer.In sensitive = new TpmBuffer.In(sensitiveIn.tpm2b());
        sensitiveIn.requireEnd();
        if (sensitive.u16() != TpmPublicArea.ALG_KEYEDHASH) {
            throw new TpmException("TPM_RC_TYPE: the sensitive area is not a keyed-hash object");
        }
        sensitive.tpm2b(); // authValue
        byte[] seedValue = sensitive.tpm2b();
        byte[] key = sensitive.tpm2b();
        sensitive.requireEnd();
        if (!TpmCryptography.same(publicArea.unique(), TpmCryptography.sha256(seedValue, key))) {
            throw new TpmException("TPM_RC_BINDING: the public area does not belong to the sensitive area");
        }
        return key;
    }
}
