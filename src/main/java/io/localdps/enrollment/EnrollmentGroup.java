package io.localdps.enrollment;

import io.localdps.common.EntityTag;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;

import java.time.Instant;
import java.util.Locale;

/**
 * Many devices sharing a symmetric group key or an X.509 signing certificate, keyed by the
 * enrollment group ID (the portal's "group name"). Aggregate root; {@code version} is its ETag.
 */
public class EnrollmentGroup {

    @Id
    private Long id;
    @Version
    private Long version;
    private String enrollmentGroupId;
    /** Lower-case group ID for case-insensitive uniqueness. */
    private String groupKey;
    private AttestationType attestationType;
    private Attestation attestation;
    @Embedded.Empty
    private EnrollmentSettings settings;
    private EnrollmentExtras.ClientCertificateIssuancePolicy clientCertificateIssuancePolicy;
    private Instant created;
    private Instant updated;

    @PersistenceCreator
    EnrollmentGroup() {
    }

    EnrollmentGroup(String enrollmentGroupId, Attestation attestation, EnrollmentSettings settings, Instant now) {
        this.enrollmentGroupId = enrollmentGroupId;
        this.groupKey = keyOf(enrollmentGroupId);
        this.attestation = attestation;
        this.attestationType = attestation.type();
        this.settings = settings;
        this.created = now;
        this.updated = now;
    }

    static String keyOf(String enrollmentGroupId) {
        return enrollmentGroupId.toLowerCase(Locale.ROOT);
    }

    void update(EnrollmentSettings settings, Instant now) {
        this.settings = settings;
        this.updated = now;
    }

    void replaceAttestation(Attestation attestation, Instant now) {
        this.attestation = attestation;
        this.attestationType = attestation.type();
        this.updated = now;
    }

    /** Only the service API sets it: a PUT replaces it with what it sends (absent clears). */
    void replaceExtras(EnrollmentExtras extras) {
        this.clientCertificateIssuancePolicy = extras.clientCertificateIssuancePolicy();
    }

    public EnrollmentExtras extras() {
        return new EnrollmentExtras(null, clientCertificateIssuancePolicy);
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

    public String enrollmentGroupId() {
        return enrollmentGroupId;
    }

    public AttestationType attestationType() {
        return attestationType;
    }

    public Attestation attestation() {
        return attestation;
    }

    public EnrollmentSettings settings() {
        return settings;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }
}
