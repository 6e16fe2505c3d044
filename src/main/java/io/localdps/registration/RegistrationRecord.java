package io.localdps.registration;

import io.localdps.common.EntityTag;
import io.localdps.enrollment.AttestationType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Locale;

/**
 * What DPS knows of one device's registration (service-api.md §3.6): created by its first
 * authenticated attempt, updated by every later one, read and deleted by admins, never edited.
 */
public class RegistrationRecord {

    @Id
    private Long id;
    @Version
    private Long version;
    private String registrationId;
    private String registrationKey;
    private String enrollmentGroupId;
    private String groupKey;
    private AttestationType attestationType;
    private RegistrationStatus status;
    private Substatus substatus;
    private String assignedHub;
    private String deviceId;
    private Integer errorCode;
    private String errorMessage;
    private String payload;
    private AttemptLog attempts;
    private Instant created;
    private Instant updated;

    @PersistenceCreator
    RegistrationRecord() {
    }

    RegistrationRecord(String registrationId, String enrollmentGroupId, AttestationType type, Instant now) {
        this.registrationId = registrationId;
        this.registrationKey = keyOf(registrationId);
        this.attestationType = type;
        this.status = RegistrationStatus.UNASSIGNED;
        this.attempts = AttemptLog.empty();
        this.created = now;
        this.updated = now;
        throughGroup(enrollmentGroupId);
    }

    static String keyOf(String registrationId) {
        return registrationId.toLowerCase(Locale.ROOT);
    }

    void throughGroup(String groupId) {
        this.enrollmentGroupId = groupId;
        this.groupKey = groupId == null ? null : groupId.toLowerCase(Locale.ROOT);
    }

    void assigned(String hub, String device, Substatus how, String payloadJson, Instant now) {
        this.status = RegistrationStatus.ASSIGNED;
        this.assignedHub = hub;
        this.deviceId = device;
        this.substatus = how;
        this.payload = payloadJson;
        this.errorCode = null;
        this.errorMessage = null;
        this.updated = now;
    }

    /** A failed or disabled outcome keeps the previous hub and device for reference (behaviour.md §4). */
    void ended(RegistrationStatus outcome, int code, String message, Instant now) {
        this.status = outcome;
        this.errorCode = code;
        this.errorMessage = message;
        this.updated = now;
    }

    void attempted(Attempt attempt) {
        this.attempts = (attempts == null ? AttemptLog.empty() : attempts).with(attempt);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public String etag() {
        return EntityTag.of(id, version);
    }

    public String registrationId() {
        return registrationId;
    }

    public String enrollmentGroupId() {
        return enrollmentGroupId;
    }

    public AttestationType attestationType() {
        return attestationType;
    }

    public RegistrationStatus status() {
        return status;
    }

    public Substatus substatus() {
        return substatus;
    }

    public String assignedHub() {
        return assignedHub;
    }

    public String deviceId() {
        return deviceId;
    }

    public Integer errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String payload() {
        return payload;
    }

    public AttemptLog attempts() {
        return attempts == null ? AttemptLog.empty() : attempts;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }

    public boolean wasAssigned() {
        return assignedHub != null && deviceId != null;
    }
}
