package io.localdps.attestation;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;

/**
 * The TPM 2.0 primitives of security.md §6.4 "Helpers", all with SHA-256 because the EK, the SRK
 * and the ID key all have nameAlg SHA-256.
 */
final class TpmCrypto {

    static final int TPM_ALG_SHA256 = 0x000B;

    private TpmCrypto() {
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** {@code Name = UINT16(nameAlg = SHA-256) ‖ SHA-256(marshalled TPMT_PUBLIC)}. */
    static byte[] name(byte[] tpmtPublic) {
        return TpmBytes.concat(TpmBytes.u16(TPM_ALG_SHA256), sha256(tpmtPublic));
    }

    /**
     * KDFa (TPM 2.0 Part 1, 11.4.10.2) in counter mode with HMAC-SHA-256:
     * {@code HMAC(key, UINT32(i) ‖ label ‖ 0x00 ‖ contextU ‖ contextV ‖ UINT32(bits))}, concatenated,
     * truncated to {@code bits / 8} bytes.
     */
    static byte[] kdfa(byte[] key, String label, byte[] contextU, byte[] contextV, int bits) {
        if (bits <= 0 || bits % 8 != 0) {
            throw new IllegalArgumentException("KDFa output must be a positive whole number of bytes: " + bits);
        }
        byte[] labelBytes = TpmBytes.concat(label.getBytes(StandardCharsets.US_ASCII), new byte[] {0});
        byte[] out = new byte[bits / 8];
        int filled = 0;
        for (int counter = 1; filled < out.length; counter++) {
            byte[] block = SymmetricKeys.hmacSha256(key,
                    TpmBytes.concat(TpmBytes.u32(counter), labelBytes, contextU, contextV, TpmBytes.u32(bits)));
            int take = Math.min(block.length, out.length - filled);
            System.arraycopy(block, 0, out, filled, take);
            filled += take;
        }
        return out;
    }

    /** AES in CFB mode with full-block (128-bit) feedback, IV of 16 zero bytes, no padding — the TPM's CFB. */
    static byte[] aesCfbEncrypt(byte[] key, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CFB128/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CFB encryption failed", e);
        }
    }

    /**
     * RSA-OAEP as the TPM decrypts a seed: SHA-256 and MGF1-SHA-256 (the key's nameAlg), label =
     * ASCII(label) followed by one zero byte ("IDENTITY\0", "DUPLICATE\0").
     */
    static byte[] oaepEncrypt(RSAPublicKey key, byte[] data, String label, SecureRandom random) {
        byte[] labelBytes = TpmBytes.concat(label.getBytes(StandardCharsets.US_ASCII), new byte[] {0});
        try {
            // "OAEPPadding" with explicit parameters: the JDK's "OAEPWithSHA-256AndMGF1Padding" default
            // would use MGF1-SHA-1, which the TPM does not.
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1",
                    MGF1ParameterSpec.SHA256, new PSource.PSpecified(labelBytes)), random);
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP encryption failed", e);
        }
    }
}
