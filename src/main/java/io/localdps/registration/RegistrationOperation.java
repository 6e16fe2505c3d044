package io.localdps.registration;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;

/** One register call's asynchronous processing (behaviour.md §2 steps 6–11). */
public class RegistrationOperation {

    @Id
    private Long id;
    @Version
    private Long version;
    private String operationId;
    private String registrationKey;
    /** The registration key while assigning, else null: unique, so a device has one operation in flight (V12). */
    private String assigningKey;
    private RegistrationStatus state;
    private OperationWork work;
    private String result;
    private String claimedBy;
    private Instant claimedUntil;
    private Instant created;
    private Instant updated;

    @PersistenceCreator
    RegistrationOperation() {
    }

    RegistrationOperation(String operationId, OperationWork work, RegistrationStatus state, Instant now) {
        this.operationId = operationId;
        this.registrationKey = RegistrationRecord.keyOf(work.registrationId());
        this.work = work;
        this.state = state;
        this.assigningKey = state == RegistrationStatus.ASSIGNING ? registrationKey : null;
        this.created = now;
        this.updated = now;
    }

    void complete(RegistrationStatus outcome, String registrationStateJson, Instant now) {
        this.state = outcome;
        this.assigningKey = null;
        this.result = registrationStateJson;
        this.claimedBy = null;
        this.claimedUntil = null;
        this.updated = now;
    }

    public Long id() {
        return id;
    }

    public String operationId() {
        return operationId;
    }

    public String registrationKey() {
        return registrationKey;
    }

    public RegistrationStatus state() {
        return state;
    }

    public OperationWork work() {
        return work;
    }

    /** The terminal {@code registrationState} JSON, once the operation has ended. */
    public String result() {
        return result;
    }

    public Instant created() {
        return created;
    }
}
