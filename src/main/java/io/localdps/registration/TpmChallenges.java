package io.localdps.registration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The nonce keys of open TPM challenges (security.md §6.5): stored per registration ID for ten
 * minutes, in the database so the answer may reach another node. The SRK is kept too, because
 * IoT Edge leaves the {@code tpm} object out of its authenticated retry.
 */
@Component
class TpmChallenges {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    TpmChallenges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A fresh nonce key for the device, replacing any earlier challenge. */
    @Transactional
    byte[] open(String registrationKey, String storageRootKey) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Instant expires = clock.instant().plus(LIFETIME);
        jdbc.sql("DELETE FROM tpm_challenge WHERE registration_key = :key").param("key", registrationKey).update();
        jdbc.sql("INSERT INTO tpm_challenge (registration_key, nonce_key, storage_root_key, expires) VALUES (:key, :nonce, :srk, :expires)")
                .param("key", registrationKey)
                .param("nonce", Base64.getEncoder().encodeToString(key))
                .param("srk", storageRootKey)
                .param("expires", java.sql.Timestamp.from(expires))
                .update();
        return key;
    }

    Optional<Open> find(String registrationKey) {
        return jdbc.sql("SELECT nonce_key, storage_root_key, expires FROM tpm_challenge WHERE registration_key = :key")
                .param("key", registrationKey)
                .query((rs, row) -> new Open(Base64.getDecoder().decode(rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .optional()
                .filter(open -> open.expires().isAfter(clock.instant()));
    }

    record Open(byte[] nonceKey, String storageRootKey, Instant expires) {
    }
}
