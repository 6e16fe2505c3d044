package io.localdps.enrollment;

import io.localdps.common.AuditedChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes the audit log's events for enrollments and groups. Snapshots carry the attestation as
 * stored: its keys sit under fields named ...Key, which the audit log records only as "changed".
 * Timestamps and versions are left out: they change on every save and say nothing.
 */
@Component
class EnrollmentAudit {

    private final ApplicationEventPublisher events;

    EnrollmentAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    static Map<String, Object> snapshot(IndividualEnrollment enrollment) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("registrationId", enrollment.registrationId());
        snapshot.put("deviceId", enrollment.deviceId());
        snapshot.put("attestation", enrollment.attestation());
        snapshot.put("settings", enrollment.settings());
        putExtras(snapshot, enrollment.extras());
        return snapshot;
    }

    static Map<String, Object> snapshot(EnrollmentGroup group) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("enrollmentGroupId", group.enrollmentGroupId());
        snapshot.put("attestation", group.attestation());
        snapshot.put("settings", group.settings());
        putExtras(snapshot, group.extras());
        return snapshot;
    }

    private static void putExtras(Map<String, Object> snapshot, EnrollmentExtras extras) {
        if (extras.optionalDeviceInformation() != null) {
            snapshot.put(EnrollmentExtras.OPTIONAL_DEVICE_INFORMATION, extras.optionalDeviceInformation());
        }
        if (extras.clientCertificateIssuancePolicy() != null) {
            snapshot.put(EnrollmentExtras.ISSUANCE_POLICY, extras.clientCertificateIssuancePolicy());
        }
    }

    void created(IndividualEnrollment enrollment) {
        events.publishEvent(AuditedChange.created(AuditedChange.Kind.INDIVIDUAL_ENROLLMENT, enrollment.registrationId(),
                snapshot(enrollment)));
    }

    void updated(Map<String, Object> before, IndividualEnrollment enrollment) {
        events.publishEvent(AuditedChange.updated(AuditedChange.Kind.INDIVIDUAL_ENROLLMENT, enrollment.registrationId(),
                before, snapshot(enrollment)));
    }

    void deleted(IndividualEnrollment enrollment) {
        events.publishEvent(AuditedChange.deleted(AuditedChange.Kind.INDIVIDUAL_ENROLLMENT, enrollment.registrationId(),
                snapshot(enrollment)));
    }

    void created(EnrollmentGroup group) {
        events.publishEvent(AuditedChange.created(AuditedChange.Kind.ENROLLMENT_GROUP, group.enrollmentGroupId(), snapshot(group)));
    }

    void updated(Map<String, Object> before, EnrollmentGroup group) {
        events.publishEvent(AuditedChange.updated(AuditedChange.Kind.ENROLLMENT_GROUP, group.enrollmentGroupId(),
                before, snapshot(group)));
    }

    void deleted(EnrollmentGroup group) {
        events.publishEvent(AuditedChange.deleted(AuditedChange.Kind.ENROLLMENT_GROUP, group.enrollmentGroupId(), snapshot(group)));
    }
}
