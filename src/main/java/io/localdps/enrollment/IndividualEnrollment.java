package io.localdps.enrollment;

import io.localdps.common.EntityTag;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;

import java.time.Instant;
import java.util.Locale;

/**
 * One device that may register, keyed by its registration ID. Aggregate root; the {@code version}
 * column is its ETag.
 */
public class IndividualEnrollment {

    @Id
    private Long id;
    @Version
    private Long version;
    private String registrationId;
    /** Lower-case registration ID: uniqueness is case-insensitive, display keeps the original case. */
    private String registrationKey;
    private String deviceId;
    private AttestationType attestationType;
    private Attestation attestation;
    @Embedded.Empty
    private EnrollmentSettings settings;
    private EnrollmentExtras.DeviceInformation optionalDeviceInformation;
    private EnrollmentExtras.ClientCertificateIssuancePolicy clientCertificateIssuancePolicy;
    private Instant created;
    private Instant updated;

    @PersistenceCreator
    IndividualEnrollment() {
    }

    IndividualEnrollment(String registrationId, String deviceId, Attestation attestation,
                         EnrollmentSettings settings, Instant now) {
        this.registrationId = registrationId;
        this.registrationKey = keyOf(registrationId);
        this.deviceId = blankToNull(deviceId);
        this.attestation = attestation;
        this.attestationType = attestation.type();
        this.settings = settings;
        this.created = now;
        this.updated = now;
    }

    static String keyOf(String registrationId) {
        return registrationId.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Everything but identity and credentials may change, as in the portal. */
    void update(String deviceId, EnrollmentSettings settings, Instant now) {
        this.deviceId = blankToNull(deviceId);
        this.settings = settings;
        this.updated = now;
    }

    /** Key or certificate roll-over; only the service API offers it. */
    void replaceAttestation(Attestation attestation, Instant now) {
        this.attestation = attestation;
        this.attestationType = attestation.type();
        this.updated = now;
    }

    /** Only the service API sets them: a PUT replaces them with what it sends (absent clears). */
    void replaceExtras(EnrollmentExtras extras) {
        this.optionalDeviceInformation = extras.optionalDeviceInformation();
        this.clientCertificateIssuancePolicy = extras.clientCertificateIssuancePolicy();
    }

    public EnrollmentExtras extras() {
        return new EnrollmentExtras(optionalDeviceInformation, clientCertificateIssuancePolicy);
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

    /** The device ID set on the enrollment, or null when the hub device takes the registration ID. */
    public String deviceId() {
        return deviceId;
    }

    public String effectiveDeviceId() {
        return deviceId != null ? deviceId : registrationId;
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
