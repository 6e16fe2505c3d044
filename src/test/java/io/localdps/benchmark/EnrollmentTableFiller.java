package io.localdps.benchmark;

import io.localdps.attestation.SymmetricKeys;
import io.localdps.common.Json;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.InitialTwin;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the individual enrollment table fast with plain batched inserts (benchmark set-up only;
 * the services would validate each row and take minutes for 100k).
 */
final class EnrollmentTableFiller {

    private EnrollmentTableFiller() {
    }

    static void fill(JdbcTemplate jdbc, int count) {
        String attestation = Json.write(Attestation.symmetricKey(SymmetricKeys.generate(), SymmetricKeys.generate()));
        String policy = Json.write(ReprovisionPolicy.MIGRATE);
        String hubs = Json.write(TargetHubs.allLinkedHubs());
        String twin = Json.write(InitialTwin.empty());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("bench-device-%06d", i);
            Timestamp time = Timestamp.from(start.plusSeconds(i));
            batch.add(new Object[]{id, id, i % 10 == 0 ? "plant-" + id : null, i % 7 == 0 ? "DISABLED" : "ENABLED",
                    attestation, policy, hubs, twin, time, time});
            if (batch.size() == 1000) {
                insert(jdbc, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            insert(jdbc, batch);
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO individual_enrollment (version, registration_id, registration_key, device_id, "
                + "attestation_type, attestation, provisioning_status, reprovision_policy, allocation_policy, iot_hubs, "
                + "custom_allocation, iot_edge, initial_twin, created, updated) "
                + "VALUES (0, ?, ?, ?, 'SYMMETRIC_KEY', ?, ?, ?, 'HASHED', ?, NULL, FALSE, ?, ?, ?)",
                rows.stream().map(r -> new Object[]{r[0], r[1], r[2], r[4], r[3], r[5], r[6], r[7], r[8], r[9]}).toList());
    }
}
