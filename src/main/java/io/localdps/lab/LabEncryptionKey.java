package io.localdps.lab;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Provides the AES key that seals the lab's private keys: {@code dps.lab.encryption-key} (base64 of
 * 32 bytes) when configured, else one generated on first start and kept in the database (table
 * {@code lab_encryption_key}, V7).
 *
 * <p>Why the database and not a file in the data directory: LocalDPS runs as several nodes on one
 * shared database, and every node must open every key any node sealed. A file would be per node:
 * the second node would generate its own key and could not read the first node's lab. The one row
 * is inserted by whichever node starts first and read by all others (the primary key decides a
 * race), exactly as the device TLS CA is. The price: a database dump holds the key beside the
 * ciphertext, so the generated key protects against leaks of the lab rows alone (exports, logs,
 * support dumps of one table), not against a full backup. Operators who need that set
 * {@code dps.lab.encryption-key} from a secret store; then no key is written to the database at all,
 * and each row's key_id shows which key sealed it, so a node with a wrong key fails with a clear message.
 */
@Configuration(proxyBeanMethods = false)
class LabEncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(LabEncryptionKey.class);
    private static final int ROW = 1;

    @Bean
    LabKeyCipher labKeyCipher(@Value("${dps.lab.encryption-key:}") String configured, JdbcClient jdbc, Clock clock) {
        if (!configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dps.lab.encryption-key is not base64; generate one with openssl rand -base64 32");
            }
            LabKeyCipher cipher = new LabKeyCipher(key);
            log.info("Certificate lab: private keys sealed with the configured key {}", cipher.keyId());
            return cipher;
        }
        LabKeyCipher cipher = new LabKeyCipher(Base64.getDecoder().decode(storedOrNew(jdbc, clock)));
        log.info("Certificate lab: private keys sealed with the generated key {} kept in the database; "
                + "set dps.lab.encryption-key to keep it out of database backups", cipher.keyId());
        return cipher;
    }

    /** Each statement on its own: on PostgreSQL a failed insert would abort a surrounding transaction. */
    static String storedOrNew(JdbcClient jdbc, Clock clock) {
        var stored = read(jdbc);
        if (stored != null) {
            return stored;
        }
        byte[] key = new byte[LabKeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        try {
            jdbc.sql("INSERT INTO lab_encryption_key (id, key_base64, created) VALUES (:id, :key, :created)")
                    .param("id", ROW).param("key", encoded)
                    .param("created", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
            return encoded;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return read(jdbc);
        }
    }

    private static String read(JdbcClient jdbc) {
        return jdbc.sql("SELECT key_base64 FROM lab_encryption_key WHERE id = :id").param("id", ROW)
                .query(String.class).optional().orElse(null);
    }
}
