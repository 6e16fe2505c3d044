package io.localdps.attestation;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;

/**
 * An RSA storage or endorsement key as a device presents it for TPM attestation: a TPM2B_PUBLIC
 * (security.md §6.1) holding a TPMT_PUBLIC. The activation blob needs from it the public key (for
 * OAEP), the symmetric key size (for KDFa) and the Name (which binds the credential to the SRK).
 *
 * <p>{@link EndorsementKey} parses the same structure for enrollments, with messages meant for an
 * admin; this class is for device input, refuses keys the blob cannot be built for, and keeps the
 * TPMT_PUBLIC bytes the Name is computed over.
 */
public final class TpmRsaPublicKey {

    private static final int TPM_ALG_RSA = 0x0001;
    private static final int TPM_ALG_AES = 0x0006;
    private static final int TPM_ALG_NULL = 0x0010;
    private static final int TPM_ALG_CFB = 0x0043;

    private final byte[] tpmtPublic;
    private final int objectAttributes;
    private final int symmetricKeyBits;
    private final RSAPublicKey publicKey;

    private TpmRsaPublicKey(byte[] tpmtPublic, int objectAttributes, int symmetricKeyBits, RSAPublicKey publicKey) {
        this.tpmtPublic = tpmtPublic;
        this.objectAttributes = objectAttributes;
        this.symmetricKeyBits = symmetricKeyBits;
        this.publicKey = publicKey;
    }

    /**
     * @param bytes TPM2B_PUBLIC; a bare TPMT_PUBLIC is accepted too (unambiguous: a TPMT_PUBLIC of an
     *              RSA key starts with 0x0001, which as a TPM2B size could not frame it)
     * @param what  "endorsement key" or "storage root key", for the messages
     * @throws IllegalArgumentException saying why the key cannot be used
     */
    public static TpmRsaPublicKey parse(byte[] bytes, String what) {
        if (bytes == null || bytes.length < 2) {
            throw new IllegalArgumentException("The " + what + " is missing or empty.");
        }
        int size = (bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF);
        byte[] tpmt;
        if (size == bytes.length - 2) {
            tpmt = Arrays.copyOfRange(bytes, 2, bytes.length);
        } else if (size == TPM_ALG_RSA) {
            tpmt = bytes.clone();
        } else {
            throw new IllegalArgumentException("The " + what + " is not a TPM2B_PUBLIC: its size field says " + size
                    + " bytes but " + (bytes.length - 2) + " follow.");
        }
        try {
            return read(tpmt, what);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("The " + what + " is truncated: it ends inside the TPMT_PUBLIC structure.");
        }
    }

    private static TpmRsaPublicKey read(byte[] tpmt, String what) {
        ByteBuffer in = ByteBuffer.wrap(tpmt);
        int type = in.getShort() & 0xFFFF;
        if (type != TPM_ALG_RSA) {
            throw new IllegalArgumentException("The " + what + " must be an RSA key (TPM_ALG_RSA), found algorithm 0x"
                    + Integer.toHexString(type) + ".");
        }
        int nameAlg = in.getShort() & 0xFFFF;
        if (nameAlg != TpmCrypto.TPM_ALG_SHA256) {
            // Name, KDFa and OAEP all follow the nameAlg; only SHA-256 is what the SDK templates use.
            throw new IllegalArgumentException("The " + what + " must have nameAlg SHA-256, found 0x"
                    + Integer.toHexString(nameAlg) + ".");
        }
        int attributes = in.getInt();
        int authPolicySize = in.getShort() & 0xFFFF;
        in.position(in.position() + authPolicySize);
        int symmetric = in.getShort() & 0xFFFF;
        if (symmetric != TPM_ALG_AES) {
            throw new IllegalArgumentException("The " + what + " must be a storage key with an AES symmetric "
                    + "algorithm, found 0x" + Integer.toHexString(symmetric) + ".");
        }
        int symmetricKeyBits = in.getShort() & 0xFFFF;
        int mode = in.getShort() & 0xFFFF;
        if ((symmetricKeyBits != 128 && symmetricKeyBits != 256) || mode != TPM_ALG_CFB) {
            throw new IllegalArgumentException("The " + what + " must use AES-128-CFB or AES-256-CFB, found "
                    + symmetricKeyBits + " bits in mode 0x" + Integer.toHexString(mode) + ".");
        }
        int scheme = in.getShort() & 0xFFFF;
        if (scheme != TPM_ALG_NULL) {
            in.getShort(); // scheme hashAlg
        }
        int keyBits = in.getShort() & 0xFFFF;
        long exponent = in.getInt() & 0xFFFFFFFFL;
        byte[] modulus = new byte[in.getShort() & 0xFFFF];
        in.get(modulus);
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("The " + what + " has " + in.remaining() + " unexpected bytes at the end.");
        }
        if (keyBits < 2048 || keyBits > 4096 || modulus.length * 8 != keyBits) {
            throw new IllegalArgumentException("The " + what + " must be RSA with 2048 to 4096 bits and a modulus of "
                    + "that size; it says " + keyBits + " bits and has a " + modulus.length * 8 + "-bit modulus.");
        }
        return new TpmRsaPublicKey(tpmt, attributes, symmetricKeyBits,
                rsaKey(new BigInteger(1, modulus), exponent == 0 ? 65537 : exponent));
    }

    private static RSAPublicKey rsaKey(BigInteger modulus, long exponent) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(exponent)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The key is not a usable RSA public key.");
        }
    }

    /** The marshalled TPMT_PUBLIC (without the TPM2B size), as hashed into the Name. */
    public byte[] tpmtPublic() {
        return tpmtPublic.clone();
    }

    /** {@code UINT16(SHA-256) ‖ SHA-256(TPMT_PUBLIC)}. */
    public byte[] name() {
        return TpmCrypto.name(tpmtPublic);
    }

    public int objectAttributes() {
        return objectAttributes;
    }

    /** The key's symmetric keyBits: the size of the KDFa "STORAGE" key that protects what is sent to it. */
    public int symmetricKeyBits() {
        return symmetricKeyBits;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }
}
