package io.localdps.attestation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Symmetric key material: the validity rules, generation and group key derivation (security.md §1.3–1.4). */
public final class SymmetricKeys {

    public static final int MIN_BYTES = 16;
    public static final int MAX_BYTES = 64;
    /** Azure's own keys are 64 bytes (88 base64 characters). */
    public static final int GENERATED_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SymmetricKeys() {
    }

    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** @return why the text is not a usable key, or empty when it is one */
    public static Optional<String> problemWith(String key) {
        if (key == null || key.isBlank()) {
            return Optional.of("Enter a key, or let the service generate one.");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("The key must be valid base64.");
        }
        if (decoded.length < MIN_BYTES || decoded.length > MAX_BYTES) {
            return Optional.of("The key must decode to " + MIN_BYTES + " to " + MAX_BYTES
                    + " bytes; this one has " + decoded.length + ".");
        }
        return Optional.empty();
    }

    /**
     * The key of one device of a symmetric-key enrollment group: HMAC-SHA256 of the registration ID
     * exactly as the device presents it (derivation is case-sensitive), keyed with the group key.
     */
    public static String deriveDeviceKey(String groupKey, String registrationId) {
        return Base64.getEncoder().encodeToString(
                hmacSha256(Base64.getDecoder().decode(groupKey), registrationId.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
