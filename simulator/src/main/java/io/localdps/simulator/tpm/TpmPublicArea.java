package io.localdps.simulator.tpm;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * TPMT_PUBLIC areas: the RSA-2048 EK and SRK templates of security.md §6.1 (the TCG default EK
 * template and the SRK template the SDKs create), their Names, and the attributes of an
 * imported keyed-hash object.
 */
final class TpmPublicArea {

    static final int ALG_RSA = 0x0001;
    static final int ALG_KEYEDHASH = 0x0008;
    static final int ALG_SHA256 = 0x000B;
    static final int ALG_AES = 0x0006;
    static final int ALG_CFB = 0x0043;
    static final int ALG_NULL = 0x0010;
    static final int ALG_HMAC = 0x0005;

    static final int FIXED_TPM = 0x2;
    static final int FIXED_PARENT = 0x10;
    static final int SENSITIVE_DATA_ORIGIN = 0x20;
    static final int USER_WITH_AUTH = 0x40;
    static final int ADMIN_WITH_POLICY = 0x80;
    static final int NO_DA = 0x400;
    static final int RESTRICTED = 0x10000;
    static final int DECRYPT = 0x20000;
    static final int SIGN = 0x40000;

    /** PolicySecret(TPM_RH_ENDORSEMENT): the authPolicy of the TCG default EK. */
    static final byte[] EK_POLICY = HexFormat.of().parseHex("837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa");

    static final int EK_ATTRIBUTES = FIXED_TPM | FIXED_PARENT | SENSITIVE_DATA_ORIGIN | ADMIN_WITH_POLICY | RESTRICTED | DECRYPT;
    static final int SRK_ATTRIBUTES = FIXED_TPM | FIXED_PARENT | SENSITIVE_DATA_ORIGIN | USER_WITH_AUTH | NO_DA | RESTRICTED | DECRYPT;

    private TpmPublicArea() {
    }

    /** TPMT_PUBLIC of the endorsement key with this RSA public key. */
    static byte[] endorsementKey(RSAPublicKey key) {
        return rsaStorageKey(key, EK_ATTRIBUTES, EK_POLICY);
    }

    /** TPMT_PUBLIC of the storage root key with this RSA public key. */
    static byte[] storageRootKey(RSAPublicKey key) {
        return rsaStorageKey(key, SRK_ATTRIBUTES, new byte[0]);
    }

    private static byte[] rsaStorageKey(RSAPublicKey key, int attributes, byte[] policy) {
        return new TpmBuffer.Out().u16(ALG_RSA).u16(ALG_SHA256).u32(attributes).tpm2b(policy)
                .u16(ALG_AES).u16(128).u16(ALG_CFB)   // symmetric: AES-128-CFB, what the parent protects children with
                .u16(ALG_NULL)                          // scheme: none (a restricted decryption key)
                .u16(2048).u32(0)                       // keyBits, exponent 0 = 65537
                .tpm2b(unsigned(key.getModulus(), 256))
                .toBytes();
    }

    /** TPM2B_PUBLIC: the size-prefixed form sent on the wire. */
    static byte[] tpm2b(byte[] tpmtPublic) {
        return new TpmBuffer.Out().tpm2b(tpmtPublic).toBytes();
    }

    /** Name = nameAlg ‖ SHA-256(TPMT_PUBLIC). */
    static byte[] name(byte[] tpmtPublic) {
        return new TpmBuffer.Out().u16(ALG_SHA256).raw(TpmCryptography.sha256(tpmtPublic)).toBytes();
    }

    /**
     * The parts of a keyed-hash (HMAC key) TPMT_PUBLIC that TPM2_Import and TPM2_Load check.
     *
     * @param attributes the objectAttributes
     * @param schemeHash the HMAC scheme's hash algorithm
     * @param unique     SHA-256(seedValue ‖ key), binding the public area to the sensitive one
     */
    record KeyedHash(int attributes, int schemeHash, byte[] unique) {

        static KeyedHash parse(byte[] tpmtPublic) {
            TpmBuffer.In in = new TpmBuffer.In(tpmtPublic);
            int type = in.u16();
            int nameAlg = in.u16();
            int attributes = (in.u16() << 16) | in.u16();
            in.tpm2b(); // authPolicy
            int scheme = in.u16();
            int schemeHash = scheme == ALG_HMAC ? in.u16() : ALG_NULL;
            byte[] unique = in.tpm2b();
            in.requireEnd();
            if (type != ALG_KEYEDHASH) {
                throw new TpmException("TPM_RC_TYPE: the imported object is not a keyed-hash object");
            }
            if (nameAlg != ALG_SHA256 || schemeHash != ALG_SHA256) {
                throw new TpmException("TPM_RC_HASH: the software TPM supports SHA-256 objects only");
            }
            if ((attributes & (FIXED_TPM | FIXED_PARENT)) != 0) {
                throw new TpmException("TPM_RC_ATTRIBUTES: fixedTPM/fixedParent objects cannot be imported");
            }
            if ((attributes & SIGN) == 0) {
                throw new TpmException("TPM_RC_ATTRIBUTES: the HMAC key is not a signing key");
            }
            return new KeyedHash(attributes, schemeHash, unique);
        }
    }

    /** The big-endian magnitude of {@code value} in exactly {@code length} bytes. */
    static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == length) {
            return bytes;
        }
        if (bytes.length == length + 1 && bytes[0] == 0) {
            return Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
        return padded;
    }
}
