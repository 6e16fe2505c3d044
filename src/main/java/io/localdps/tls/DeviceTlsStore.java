package io.localdps.tls;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The generated key pairs in table {@code device_tls_key_pair} (V4). Rows are never updated: a
 * new server certificate is a new generation, so nodes can only ever race on an insert, and the
 * primary key decides it.
 *
 * <p>Each statement runs on its own (no surrounding transaction): on PostgreSQL a failed insert
 * would abort the transaction and the read-back of the winner's row with it.
 */
final class DeviceTlsStore {

    static final String CA = "ca";
    static final String SERVER = "server";

    private final JdbcClient jdbc;

    DeviceTlsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(int generation, DeviceCertificateIssuer.Issued keyPair) {
    }

    /** The highest generation stored for the purpose. */
    Optional<Stored> current(String purpose) {
        return jdbc.sql("""
                        SELECT generation, certificate_pem, private_key_pem FROM device_tls_key_pair
                        WHERE purpose = :purpose ORDER BY generation DESC LIMIT 1""")
                .param("purpose", purpose)
                .query((row, index) -> stored(row.getInt("generation"), row.getString("certificate_pem"),
                        row.getString("private_key_pem")))
                .optional();
    }

    /** Stores the key pair as this generation, or returns what another node stored first. */
    Stored insertOrReadWinner(String purpose, int generation, DeviceCertificateIssuer.Issued keyPair, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO device_tls_key_pair (purpose, generation, certificate_pem, private_key_pem, created)
                            VALUES (:purpose, :generation, :certificate, :key, :created)""")
                    .param("purpose", purpose)
                    .param("generation", generation)
                    .param("certificate", Pem.certificate(keyPair.certificate()))
                    .param("key", Pem.privateKey(keyPair.privateKey()))
                    .param("created", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            return new Stored(generation, keyPair);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return jdbc.sql("""
                            SELECT generation, certificate_pem, private_key_pem FROM device_tls_key_pair
                            WHERE purpose = :purpose AND generation = :generation""")
                    .param("purpose", purpose)
                    .param("generation", generation)
                    .query((row, index) -> stored(row.getInt("generation"), row.getString("certificate_pem"),
                            row.getString("private_key_pem")))
                    .single();
        }
    }

    private static Stored stored(int generation, String certificatePem, String privateKeyPem) {
        List<X509Certificate> certificates = Pem.readCertificates(certificatePem);
        return new Stored(generation, new DeviceCertificateIssuer.Issued(Pem.readPrivateKey(privateKeyPem),
                certificates.getFirst()));
    }
}
