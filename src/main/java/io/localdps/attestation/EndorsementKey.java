package io.localdps.attestation;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A TPM endorsement key as DPS receives it: base64 of a TPM2B_PUBLIC holding an RSA-2048 key
 * (security.md §6.1). Parsing it is how enrollments refuse text that is not an EK.
 */
public final class EndorsementKey {

    private static final int TPM_ALG_RSA = 0x0001;
    private static final int TPM_ALG_NULL = 0x0010;

    private final byte[] tpm2bPublic;
    private final BigInteger modulus;
    private final long exponent;

    private EndorsementKey(byte[] tpm2bPublic, BigInteger modulus, long exponent) {
        this.tpm2bPublic = tpm2bPublic;
        this.modulus = modulus;
        this.exponent = exponent;
    }

    /**
     * @throws IllegalArgumentException with a message for the admin when the text is not an EK
     */
    public static EndorsementKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("Enter the device's endorsement key (base64).");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The endorsement key must be valid base64.");
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            int size = buffer.getShort() & 0xFFFF;
            if (size != bytes.length - 2) {
                throw new IllegalArgumentException("The endorsement key is not a TPM2B_PUBLIC: its size field says "
                        + size + " bytes but " + (bytes.length - 2) + " follow.");
            }
            return readPublic(bytes, buffer);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("The endorsement key is truncated: it ends inside the TPM2B_PUBLIC structure.");
        }
    }

    private static EndorsementKey readPublic(byte[] bytes, ByteBuffer buffer) {
        int type = buffer.getShort() & 0xFFFF;
        if (type != TPM_ALG_RSA) {
            throw new IllegalArgumentException("The endorsement key must be an RSA key (TPM_ALG_RSA), found algorithm 0x"
                    + Integer.toHexString(type) + ".");
        }
        buffer.getShort();                     // nameAlg
        buffer.getInt();                       // objectAttributes
        skip(buffer, buffer.getShort() & 0xFFFF); // authPolicy
        int symmetric = buffer.getShort() & 0xFFFF;
        if (symmetric != TPM_ALG_NULL) {
            buffer.getShort();                 // keyBits
            buffer.getShort();                 // mode
        }
        int scheme = buffer.getShort() & 0xFFFF;
        if (scheme != TPM_ALG_NULL) {
            buffer.getShort();                 // hashAlg
        }
        int keyBits = buffer.getShort() & 0xFFFF;
        long exponent = buffer.getInt() & 0xFFFFFFFFL;
        int modulusSize = buffer.getShort() & 0xFFFF;
        byte[] modulus = new byte[modulusSize];
        buffer.get(modulus);
        if (keyBits != 2048 || modulusSize != 256) {
            throw new IllegalArgumentException("The endorsement key must be RSA-2048; this one has " + keyBits + " bits.");
        }
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException("The endorsement key has " + buffer.remaining() + " unexpected bytes at the end.");
        }
        return new EndorsementKey(bytes, new BigInteger(1, modulus), exponent == 0 ? 65537 : exponent);
    }

    private static void skip(ByteBuffer buffer, int count) {
        if (count > buffer.remaining()) {
            throw new BufferUnderflowException(); // reported as truncated, like every other short read
        }
        buffer.position(buffer.position() + count);
    }

    public BigInteger modulus() {
        return modulus;
    }

    public long exponent() {
        return exponent;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(tpm2bPublic);
    }

    /** Two EKs are the same key when modulus and exponent are equal, whatever else the blobs say. */
    public boolean sameKeyAs(EndorsementKey other) {
        return modulus.equals(other.modulus) && exponent == other.exponent;
    }

    /** The SDKs' default registration ID: lower-case unpadded base32 of SHA-256 of the TPM2B_PUBLIC (security.md §6.2). */
    public String defaultRegistrationId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(tpm2bPublic);
            return Base32.encode(hash).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
