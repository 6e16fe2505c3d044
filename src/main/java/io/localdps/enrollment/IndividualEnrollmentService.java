package io.localdps.enrollment;

import io.localdps.common.AlreadyExistsException;
import io.localdps.common.InvalidInputException;
import io.localdps.common.LimitExceededException;
import io.localdps.common.NotFoundException;
import io.localdps.common.PageRequest;
import io.localdps.common.QueryColumns;
import io.localdps.common.StaleVersionException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates, edits, lists and deletes individual enrollments; the console and the API share it. */
@Service
@Transactional(readOnly = true)
public class IndividualEnrollmentService {

    public static final String REGISTRATION_ID = "registrationId";
    public static final String DEVICE_ID = "deviceId";

    private final IndividualEnrollmentRepository enrollments;
    private final AttestationNormalizer attestations;
    private final SettingsValidator settingsValidator;
    private final EnrollmentLimits limits;
    private final EnrollmentTable table;
    private final EnrollmentAudit audit;
    private final Clock clock;

    IndividualEnrollmentService(IndividualEnrollmentRepository enrollments, AttestationNormalizer attestations,
                                SettingsValidator settingsValidator, EnrollmentLimits limits, JdbcClient jdbc,
                                EnrollmentAudit audit, Clock clock) {
        this.enrollments = enrollments;
        this.audit = audit;
        this.attestations = attestations;
        this.settingsValidator = settingsValidator;
        this.limits = limits;
        this.clock = clock;
        this.table = new EnrollmentTable(jdbc, "individual_enrollment", "registration_key", Map.of(
                "registrationId", "registration_key",
                "deviceId", "device_id",
                "attestationType", "attestation_type",
                "status", "provisioning_status",
                "updated", "updated"), new QueryColumns(Map.of(
                "registrationId", QueryColumns.lowerCase("registration_key"),
                "deviceId", QueryColumns.text("device_id"),
                "provisioningStatus", QueryColumns.enumerated("provisioning_status", ProvisioningStatus.class),
                "attestation.type", QueryColumns.enumerated("attestation_type", AttestationType.class),
                "allocationPolicy", QueryColumns.enumerated("allocation_policy", AllocationPolicy.class))));
    }

    public Optional<IndividualEnrollment> find(String registrationId) {
        return registrationId == null ? Optional.empty()
                : enrollments.findByRegistrationKey(IndividualEnrollment.keyOf(registrationId));
    }

    public IndividualEnrollment get(String registrationId) {
        return find(registrationId).orElseThrow(() ->
                new NotFoundException("There is no individual enrollment with registration ID " + registrationId + "."));
    }

    public List<IndividualEnrollment> page(EnrollmentFilter filter, PageRequest page) {
        List<Long> ids = table.pageIds(filter, page);
        return EnrollmentTable.inOrder(ids, enrollments.findAllById(ids), IndividualEnrollment::id);
    }

    public long count(EnrollmentFilter filter) {
        return table.count(filter);
    }

    public long count() {
        return enrollments.count();
    }

    @Transactional
    public IndividualEnrollment create(String registrationId, String deviceId, Attestation attestation,
                                       EnrollmentSettings settings) {
        return create(registrationId, deviceId, attestation, settings, EnrollmentExtras.none());
    }

    /** The service API's create, with the fields only the API has. */
    @Transactional
    public IndividualEnrollment create(String registrationId, String deviceId, Attestation attestation,
                                       EnrollmentSettings settings, EnrollmentExtras extras) {
        Map<String, String> errors = new LinkedHashMap<>();
        EnrollmentRules.registrationIdProblem(registrationId).ifPresent(m -> errors.put(REGISTRATION_ID, m));
        EnrollmentRules.deviceIdProblem(deviceId).ifPresent(m -> errors.put(DEVICE_ID, m));
        Attestation stored = attestations.forIndividual(attestation, registrationId, errors);
        EnrollmentSettings checked = settingsValidator.validate(settings, errors);
        extras.validate(false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (enrollments.existsByRegistrationKey(IndividualEnrollment.keyOf(registrationId))) {
            throw duplicate(registrationId);
        }
        if (enrollments.count() >= limits.individualEnrollments()) {
            throw new LimitExceededException("This instance already holds the maximum of "
                    + limits.individualEnrollments() + " individual enrollments.");
        }
        try {
            IndividualEnrollment enrollment = new IndividualEnrollment(registrationId, deviceId, stored, checked, clock.instant());
            enrollment.replaceExtras(extras);
            IndividualEnrollment created = enrollments.save(enrollment);
            audit.created(created);
            return created;
        } catch (DuplicateKeyException e) {
            throw duplicate(registrationId);
        }
    }

    /**
     * Changes everything but the attestation, as the portal's details page does.
     *
     * @param expectedVersion the version the editor read; a different current version means
     *                        someone else saved in between and this update is refused
     */
    @Transactional
    public IndividualEnrollment update(String registrationId, long expectedVersion, String deviceId,
                                       EnrollmentSettings settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        EnrollmentRules.deviceIdProblem(deviceId).ifPresent(m -> errors.put(DEVICE_ID, m));
        EnrollmentSettings checked = settingsValidator.validate(settings, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        IndividualEnrollment enrollment = get(registrationId);
        if (enrollment.version() != expectedVersion) {
            throw stale(registrationId);
        }
        Map<String, Object> before = EnrollmentAudit.snapshot(enrollment);
        enrollment.update(deviceId, checked, clock.instant());
        try {
            return saved(before, enrollment);
        } catch (OptimisticLockingFailureException e) {
            throw stale(registrationId);
        }
    }

    /**
     * The service API's PUT (service-api.md §4.1, §4.3): creates the enrollment, or replaces all of
     * it including its credentials (roll-over; the console's {@link #update} never changes them).
     * Symmetric keys omitted on replace are kept; omitted on create they are generated.
     *
     * @param ifMatch the If-Match header or null; a mismatch, or any If-Match on a missing enrollment, is stale
     */
    @Transactional
    public IndividualEnrollment createOrReplace(String registrationId, String ifMatch, String deviceId,
                                                Attestation attestation, EnrollmentSettings settings) {
        return createOrReplace(registrationId, ifMatch, deviceId, attestation, settings, EnrollmentExtras.none());
    }

    /** {@link #createOrReplace(String, String, String, Attestation, EnrollmentSettings)} with the API-only fields, which a replace replaces too. */
    @Transactional
    public IndividualEnrollment createOrReplace(String registrationId, String ifMatch, String deviceId,
                                                Attestation attestation, EnrollmentSettings settings, EnrollmentExtras extras) {
        Optional<IndividualEnrollment> existing = find(registrationId);
        StoredCredentials.checkIfMatch(ifMatch, existing.map(IndividualEnrollment::etag).orElse(null),
                "the enrollment " + registrationId);
        if (existing.isEmpty()) {
            return create(registrationId, deviceId, attestation, settings, extras);
        }
        IndividualEnrollment enrollment = existing.get();
        Map<String, String> errors = new LinkedHashMap<>();
        EnrollmentRules.deviceIdProblem(deviceId).ifPresent(m -> errors.put(DEVICE_ID, m));
        Attestation stored = attestations.forIndividual(
                StoredCredentials.keepKeysWhenOmitted(attestation, enrollment.attestation()), enrollment.registrationId(), errors);
        EnrollmentSettings checked = settingsValidator.validate(settings, errors);
        extras.validate(false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Object> before = EnrollmentAudit.snapshot(enrollment);
        enrollment.update(deviceId, checked, clock.instant());
        enrollment.replaceAttestation(stored, clock.instant());
        enrollment.replaceExtras(extras);
        try {
            return saved(before, enrollment);
        } catch (OptimisticLockingFailureException e) {
            throw stale(registrationId);
        }
    }

    /** The service API's DELETE: 404 when absent, stale when If-Match is given and differs. */
    @Transactional
    public void delete(String registrationId, String ifMatch) {
        IndividualEnrollment enrollment = get(registrationId);
        StoredCredentials.checkIfMatch(ifMatch, enrollment.etag(), "the enrollment " + registrationId);
        enrollments.delete(enrollment);
        audit.deleted(enrollment);
    }

    private IndividualEnrollment saved(Map<String, Object> before, IndividualEnrollment enrollment) {
        IndividualEnrollment saved = enrollments.save(enrollment);
        audit.updated(before, saved);
        return saved;
    }

    /** Deletes the enrollments; their registration records and hub devices stay (behaviour.md §8). */
    @Transactional
    public int delete(Collection<String> registrationIds) {
        List<IndividualEnrollment> found = enrollments.findByRegistrationKeyIn(
                registrationIds.stream().map(IndividualEnrollment::keyOf).toList());
        enrollments.deleteAll(found);
        found.forEach(audit::deleted);
        return found.size();
    }

    List<String> referencingHub(String hostName, int limit) {
        return table.idsReferencingHub("registration_id", hostName, limit);
    }

    private static AlreadyExistsException duplicate(String registrationId) {
        return new AlreadyExistsException(REGISTRATION_ID, "An individual enrollment with registration ID \""
                + registrationId + "\" already exists (IDs are compared ignoring case).");
    }

    private static StaleVersionException stale(String registrationId) {
        return new StaleVersionException("Someone else changed the enrollment " + registrationId
                + " after you opened it. Your changes were not saved: reload to see theirs, then edit again.");
    }
}
