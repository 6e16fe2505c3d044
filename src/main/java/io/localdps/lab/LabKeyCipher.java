package io.localdps.lab;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * AES-256-GCM sealing of the lab's private keys. A fresh 12-byte IV per key is stored in front of
 * the ciphertext. The certificate's SHA-256 thumbprint is the associated data, so a sealed key
 * copied onto another certificate's row fails to open instead of passing for that certificate's key.
 */
final class LabKeyCipher {

    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    LabKeyCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("dps.lab.encryption-key must be " + KEY_BYTES
                    + " bytes (base64 of 32 random bytes, e.g. openssl rand -base64 32), not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = idOf(key);
    }

    /** Names the key without revealing it: the first 8 bytes of its SHA-256, in hex. */
    static String idOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String keyId() {
        return keyId;
    }

    String seal(byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a lab private key", e);
        }
    }

    byte[] open(String sealed, String associatedData) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A lab private key could not be decrypted: it was altered, or sealed "
                    + "for another certificate", e);
        }
    }
}
