package io.localdps.registration;

import io.localdps.common.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Records and operations: every write of the registration feature happens here, in one transaction each. */
@Service
@Transactional(readOnly = true)
public class RegistrationStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegistrationRecordRepository records;
    private final RegistrationOperationRepository operations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RegistrationMetrics metrics;
    private final long maxRecords;
    private final java.util.concurrent.atomic.AtomicLong countedRecords = new java.util.concurrent.atomic.AtomicLong(-1);
    private volatile Instant countedAt = Instant.EPOCH;
    private static final Duration RECOUNT_AFTER = Duration.ofSeconds(10);
    private static final long EXACT_WITHIN = 1000;

    RegistrationStore(RegistrationRecordRepository records, RegistrationOperationRepository operations, JdbcClient jdbc,
                      Clock clock, RegistrationMetrics metrics, @org.springframework.beans.factory.annotation.Value("${dps.limits.registrations:1000000}") long maxRecords) {
        this.records = records;
        this.operations = operations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
        this.maxRecords = maxRecords;
    }

    public Optional<RegistrationRecord> record(String registrationId) {
        return records.findByRegistrationKey(RegistrationRecord.keyOf(registrationId));
    }

    Optional<RegistrationOperation> operation(String operationId) {
        return operations.findByOperationId(operationId);
    }

    /**
     * Starts an operation, or returns the one already in flight for the device (one allocation per
     * device at a time, behaviour.md §9; a concurrent start of the same device on another node fails
     * on the unique in-flight key, V12). Over the record quota, the operation starts as failed.
     */
    @Transactional
    RegistrationOperation start(OperationWork work, boolean enrollmentEnabled) {
        String key = RegistrationRecord.keyOf(work.registrationId());
        Optional<RegistrationOperation> inFlight = operations.findAssigning(key);
        if (inFlight.isPresent()) {
            return inFlight.get();
        }
        boolean newDevice = records.findByRegistrationKey(key).isEmpty();
        boolean refusedByQuota = enrollmentEnabled && newDevice && !quotaAdmitsNewDevice();
        RegistrationOperation operation = operations.save(new RegistrationOperation(newOperationId(), work,
                RegistrationStatus.ASSIGNING, clock.instant()));
        if (newDevice && !refusedByQuota) {
            // It counts from now, not from when its record is written: a backlog of admitted devices
            // must not let more in while the count lags behind.
            countedRecords.updateAndGet(count -> count < 0 ? count : count + 1);
        }
        if (!enrollmentEnabled) {
            return finish(operation, new Provisioning.Ended(RegistrationStatus.DISABLED, 401003, "The enrollment is disabled."));
        }
        if (refusedByQuota) {
            // No record is written for the refused device: that would grow past the quota it enforces.
            var state = RegistrationStateJson.assigning(work.registrationId());
            state.put("status", RegistrationStatus.FAILED.wireName());
            state.put("errorCode", 403002);
            state.put("errorMessage", "The registration quota of " + maxRecords + " records is reached.");
            state.put("lastUpdatedDateTimeUtc", Timestamps.format(clock.instant()));
            operation.complete(RegistrationStatus.FAILED, Json.write(state), clock.instant());
            metrics.ended(work, RegistrationStatus.FAILED, null, operation.created(), clock.instant());
            return writeCompletion(operation);
        }
        return operation;
    }

    /**
     * Counting a million records on every new device would cost more than the registration itself,
     * so far below the quota a count up to {@link #RECOUNT_AFTER} old decides. Near it (within 1% or
     * {@link #EXACT_WITHIN} records) one node at a time decides, under the lock row of V12, and counts
     * the new devices whose operations are in flight too: they become records when they end, and
     * nodes deciding side by side on a stale count would together admit more than the quota.
     */
    private boolean quotaAdmitsNewDevice() {
        Instant now = clock.instant();
        long known = countedRecords.get();
        if (known < 0 || countedAt.plus(RECOUNT_AFTER).isBefore(now)) {
            known = recount(now);
        }
        if (known < maxRecords - Math.max(EXACT_WITHIN, maxRecords / 100)) {
            return true;
        }
        jdbc.sql("SELECT setting_value FROM instance_setting WHERE setting_name = 'registrationQuotaLock' FOR UPDATE")
                .query(String.class).optional();
        return recount(now) < maxRecords;
    }

    /** Records, plus the new devices whose operations are in flight: they become records when they end. */
    private long recount(Instant now) {
        long newDevicesInFlight = jdbc.sql("SELECT COUNT(*) FROM registration_operation o WHERE o.state = 'ASSIGNING' "
                        + "AND NOT EXISTS (SELECT 1 FROM registration_record r WHERE r.registration_key = o.registration_key)")
                .query(Long.class).single();
        long count = records.count() + newDevicesInFlight;
        countedRecords.set(count);
        countedAt = now;
        return count;
    }

    /** Takes the operation for this node until {@code until}, unless another node holds it. */
    @Transactional
    boolean claim(String operationId, String node, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("UPDATE registration_operation SET claimed_by = :node, claimed_until = :until, version = version + 1 "
                        + "WHERE operation_id = :id AND state = 'ASSIGNING' AND (claimed_until IS NULL OR claimed_until < :now)")
                .param("node", node).param("until", java.sql.Timestamp.from(now.plus(lease)))
                .param("id", operationId).param("now", java.sql.Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Extends this node's claims on operations it is still working on. The version stays: the
     * worker's completion, read before a renewal, must still save.
     */
    @Transactional
    void renew(Collection<String> operationIds, String node, Duration lease) {
        jdbc.sql("UPDATE registration_operation SET claimed_until = :until "
                        + "WHERE operation_id IN (:ids) AND claimed_by = :node AND state = 'ASSIGNING'")
                .param("until", java.sql.Timestamp.from(clock.instant().plus(lease)))
                .param("ids", operationIds).param("node", node)
                .update();
    }

    /** Operations no node is working on: never claimed for a while, or their claim ran out. */
    List<String> stalled(Duration unclaimedFor) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT operation_id FROM registration_operation WHERE state = 'ASSIGNING' AND "
                        + "((claimed_until IS NULL AND created < :before) OR claimed_until < :now) ORDER BY id LIMIT 500")
                .param("before", java.sql.Timestamp.from(now.minus(unclaimedFor)))
                .param("now", java.sql.Timestamp.from(now))
                .query(String.class).list();
    }

    /** Writes the outcome into the device's record and ends the operation, together. */
    @Transactional
    RegistrationOperation complete(String operationId, Provisioning outcome) {
        RegistrationOperation operation = operations.findByOperationId(operationId).orElseThrow();
        if (operation.state().terminal()) {
            return operation;
        }
        return finish(operation, outcome);
    }

    private RegistrationOperation finish(RegistrationOperation operation, Provisioning outcome) {
        OperationWork work = operation.work();
        Instant now = clock.instant();
        RegistrationRecord record = records.findByRegistrationKey(operation.registrationKey())
                .orElseGet(() -> new RegistrationRecord(work.registrationId(), work.groupId(), work.attestationType(), now));
        record.throughGroup(work.groupId());
        String blob = null;
        switch (outcome) {
            case Provisioning.Assigned assigned -> {
                record.assigned(assigned.hub(), assigned.deviceId(), assigned.substatus(),
                        assigned.payload() == null ? null : Json.write(assigned.payload()), now);
                record.attempted(new Attempt(now, work.transport(), "assigned", assigned.substatus().wireName()
                        + " to " + assigned.hub() + " as " + assigned.deviceId()));
                blob = assigned.tpmAuthenticationKey();
            }
            case Provisioning.Ended ended -> {
                record.ended(ended.status(), ended.errorCode(), ended.message(), now);
                record.attempted(new Attempt(now, work.transport(), ended.status().wireName(), ended.errorCode() + ": " + ended.message()));
            }
        }
        RegistrationRecord saved = records.save(record); // a new record was counted when its operation started
        operation.complete(saved.status(), Json.write(RegistrationStateJson.of(saved, blob)), now);
        metrics.ended(work, saved.status(), outcome instanceof Provisioning.Assigned assigned ? assigned.hub() : null,
                operation.created(), now);
        return writeCompletion(operation);
    }

    /**
     * Writes what {@link RegistrationOperation#complete} changed, versioned as a save is (an operation
     * ends exactly once when two nodes finish it together), without rewriting the unchanged work JSON.
     */
    private RegistrationOperation writeCompletion(RegistrationOperation operation) {
        int written = jdbc.sql("UPDATE registration_operation SET state = :state, assigning_key = NULL, result = :result, "
                        + "claimed_by = NULL, claimed_until = NULL, updated = :updated, version = version + 1 "
                        + "WHERE id = :id AND version = :version")
                .param("state", operation.state().name()).param("result", operation.result())
                .param("updated", java.sql.Timestamp.from(operation.updated()))
                .param("id", operation.id()).param("version", operation.version())
                .update();
        if (written != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Operation " + operation.operationId()
                    + " was changed by another node while it was completed here");
        }
        operation.versionWritten();
        return operation;
    }

    /** Remembers a refused attempt of a device the admin knows, so its record says why. */
    @Transactional
    void recordRefusal(String registrationId, Attestation.Refused refused, String transport) {
        Instant now = clock.instant();
        RegistrationRecord record = records.findByRegistrationKey(RegistrationRecord.keyOf(registrationId))
                .orElseGet(() -> new RegistrationRecord(registrationId, refused.groupId(),
                        refused.type() == null ? io.localdps.enrollment.AttestationType.SYMMETRIC_KEY : refused.type(), now));
        record.ended(RegistrationStatus.FAILED, refused.errorCode(), refused.message() + ": " + refused.detail(), now);
        record.attempted(new Attempt(now, transport, "refused", refused.detail()));
        records.save(record);
    }

    /** Spring Data JDBC wraps the driver's unique-key violation; this finds it in the chain. */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private static String newOperationId() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "1." + HexFormat.of().formatHex(random) + "." + UUID.randomUUID();
    }
}
