package io.localdps.attestation;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Builds a TPM endorsement key as DPS receives it (security.md §6.1): a TPM2B_PUBLIC, i.e.
 * {@code UINT16 size ‖ TPMT_PUBLIC}, big-endian, for the RSA-2048 EK template. Every field can be
 * changed to make keys that must be refused.
 */
public final class TestEndorsementKeys {

    /** PolicySecret(TPM_RH_ENDORSEMENT), the EK template's authPolicy. */
    public static final byte[] EK_AUTH_POLICY =
            HexFormat.of().parseHex("837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa");
    private static final SecureRandom RANDOM = new SecureRandom();

    private int type = 0x0001;           // TPM_ALG_RSA
    private int nameAlg = 0x000B;        // TPM_ALG_SHA256
    private int objectAttributes = 0x000300B2;
    private byte[] authPolicy = EK_AUTH_POLICY;
    private int symmetricAlgorithm = 0x0006; // TPM_ALG_AES
    private int symmetricKeyBits = 128;
    private int symmetricMode = 0x0043;  // TPM_ALG_CFB
    private int scheme = 0x0010;         // TPM_ALG_NULL
    private int keyBits = 2048;
    private long exponent = 0;           // 0 means 65537
    private byte[] modulus;

    private TestEndorsementKeys(byte[] modulus) {
        this.modulus = modulus;
    }

    /** An RSA-2048 EK with a random 256-byte modulus (the parser does not factor it). */
    public static TestEndorsementKeys rsa2048() {
        byte[] modulus = new byte[256];
        RANDOM.nextBytes(modulus);
        modulus[0] |= (byte) 0x80;
        modulus[255] |= 1;
        return new TestEndorsementKeys(modulus);
    }

    public TestEndorsementKeys type(int type) {
        this.type = type;
        return this;
    }

    public TestEndorsementKeys keyBits(int keyBits) {
        this.keyBits = keyBits;
        return this;
    }

    public TestEndorsementKeys exponent(long exponent) {
        this.exponent = exponent;
        return this;
    }

    public TestEndorsementKeys modulus(byte[] modulus) {
        this.modulus = modulus.clone();
        return this;
    }

    public TestEndorsementKeys objectAttributes(int objectAttributes) {
        this.objectAttributes = objectAttributes;
        return this;
    }

    public byte[] modulus() {
        return modulus.clone();
    }

    /** The TPMT_PUBLIC structure alone, without the TPM2B size. */
    public byte[] tpmtPublic() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(type);
            out.writeShort(nameAlg);
            out.writeInt(objectAttributes);
            out.writeShort(authPolicy.length);
            out.write(authPolicy);
            out.writeShort(symmetricAlgorithm);
            out.writeShort(symmetricKeyBits);
            out.writeShort(symmetricMode);
            out.writeShort(scheme);
            out.writeShort(keyBits);
            out.writeInt((int) exponent);
            out.writeShort(modulus.length);
            out.write(modulus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The TPM2B_PUBLIC bytes: {@code UINT16 size ‖ TPMT_PUBLIC}. */
    public byte[] tpm2bPublic() {
        byte[] tpmt = tpmtPublic();
        byte[] tpm2b = new byte[tpmt.length + 2];
        tpm2b[0] = (byte) (tpmt.length >> 8);
        tpm2b[1] = (byte) tpmt.length;
        System.arraycopy(tpmt, 0, tpm2b, 2, tpmt.length);
        return tpm2b;
    }

    /** What the service API and the console receive. */
    public String base64() {
        return Base64.getEncoder().encodeToString(tpm2bPublic());
    }

    /** Base64 of bytes with the leading UINT16 size rewritten to match their length. */
    public static String withConsistentSize(byte[] tpm2b) {
        byte[] copy = tpm2b.clone();
        int size = copy.length - 2;
        copy[0] = (byte) (size >> 8);
        copy[1] = (byte) size;
        return Base64.getEncoder().encodeToString(copy);
    }
}
