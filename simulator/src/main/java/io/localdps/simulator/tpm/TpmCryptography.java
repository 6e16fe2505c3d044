package io.localdps.simulator.tpm;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;

/**
 * The TPM 2.0 primitives the device side of activation needs (TPM 2.0 Part 1, "Credential
 * Protection" and "Duplication"), all with SHA-256 as the objects' name algorithm.
 */
final class TpmCryptography {

    private static final byte[] ZERO_IV = new byte[16];

    private TpmCryptography() {
    }

    /** KDFa(SHA-256, key, label, contextU, contextV, bits): counter-mode HMAC KDF of SP 800-108. */
    static byte[] kdfa(byte[] key, String label, byte[] contextU, byte[] contextV, int bits) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        int bytes = bits / 8;
        byte[] out = new byte[bytes];
        int filled = 0;
        for (int counter = 1; filled < bytes; counter++) {
            byte[] block = hmac(key, new TpmBuffer.Out().u32(counter).raw(labelBytes).raw(new byte[]{0})
                    .raw(contextU).raw(contextV).u32(bits).toBytes());
            int take = Math.min(block.length, bytes - filled);
            System.arraycopy(block, 0, out, filled, take);
            filled += take;
        }
        return out;
    }

    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-CFB with full-block feedback and a zero IV, as TPM parameter and object encryption use it. */
    static byte[] cfbDecrypt(byte[] key, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CFB/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(ZERO_IV));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RSA-OAEP decryption with SHA-256 / MGF1-SHA-256 and the label {@code label ‖ 0x00} (TPM secret sharing). */
    static byte[] oaepDecrypt(PrivateKey key, byte[] data, String label) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            byte[] labelBytes = Arrays.copyOf(label.getBytes(StandardCharsets.US_ASCII), label.length() + 1);
            cipher.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    new PSource.PSpecified(labelBytes)));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new TpmException("TPM_RC_VALUE: the encrypted seed does not decrypt with this key (" + e.getMessage() + ")");
        }
    }

    /** Constant-time equality of two digests. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
