package io.localdps.enrollment;

import io.localdps.attestation.SymmetricKeys;
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

/** Creates, edits, lists and deletes enrollment groups; the console and the API share it. */
@Service
@Transactional(readOnly = true)
public class EnrollmentGroupService {

    public static final String GROUP_ID = "enrollmentGroupId";

    private final EnrollmentGroupRepository groups;
    private final AttestationNormalizer attestations;
    private final SettingsValidator settingsValidator;
    private final EnrollmentLimits limits;
    private final EnrollmentTable table;
    private final EnrollmentAudit audit;
    private final Clock clock;

    EnrollmentGroupService(EnrollmentGroupRepository groups, AttestationNormalizer attestations,
                           SettingsValidator settingsValidator, EnrollmentLimits limits, JdbcClient jdbc,
                           EnrollmentAudit audit, Clock clock) {
        this.groups = groups;
        this.audit = audit;
        this.attestations = attestations;
        this.settingsValidator = settingsValidator;
        this.limits = limits;
        this.clock = clock;
        this.table = new EnrollmentTable(jdbc, "enrollment_group", "group_key", Map.of(
                "enrollmentGroupId", "group_key",
                "attestationType", "attestation_type",
                "status", "provisioning_status",
                "updated", "updated"), new QueryColumns(Map.of(
                "enrollmentGroupId", QueryColumns.lowerCase("group_key"),
                "provisioningStatus", QueryColumns.enumerated("provisioning_status", ProvisioningStatus.class),
                "attestation.type", QueryColumns.enumerated("attestation_type", AttestationType.class),
                "allocationPolicy", QueryColumns.enumerated("allocation_policy", AllocationPolicy.class))));
    }

    public Optional<EnrollmentGroup> find(String enrollmentGroupId) {
        return enrollmentGroupId == null ? Optional.empty() : groups.findByGroupKey(EnrollmentGroup.keyOf(enrollmentGroupId));
    }

    public EnrollmentGroup get(String enrollmentGroupId) {
        return find(enrollmentGroupId).orElseThrow(() ->
                new NotFoundException("There is no enrollment group named " + enrollmentGroupId + "."));
    }

    public List<EnrollmentGroup> page(EnrollmentFilter filter, PageRequest page) {
        List<Long> ids = table.pageIds(filter, page);
        return EnrollmentTable.inOrder(ids, groups.findAllById(ids), EnrollmentGroup::id);
    }

    public long count(EnrollmentFilter filter) {
        return table.count(filter);
    }

    public long count() {
        return groups.count();
    }

    /** Every group attesting this way (at most a few hundred: the quotas bound them). */
    public List<EnrollmentGroup> withAttestation(AttestationType type) {
        return groups.findByAttestationType(type);
    }

    @Transactional
    public EnrollmentGroup create(String enrollmentGroupId, Attestation attestation, EnrollmentSettings settings) {
        return create(enrollmentGroupId, attestation, settings, EnrollmentExtras.none());
    }

    /** The service API's create, with the fields only the API has. */
    @Transactional
    public EnrollmentGroup create(String enrollmentGroupId, Attestation attestation, EnrollmentSettings settings,
                                  EnrollmentExtras extras) {
        Map<String, String> errors = new LinkedHashMap<>();
        EnrollmentRules.groupNameProblem(enrollmentGroupId).ifPresent(m -> errors.put(GROUP_ID, m));
        Attestation stored = attestations.forGroup(attestation, errors);
        EnrollmentSettings checked = settingsValidator.validate(settings, errors);
        extras.validate(true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (groups.existsByGroupKey(EnrollmentGroup.keyOf(enrollmentGroupId))) {
            throw duplicate(enrollmentGroupId);
        }
        checkQuota(stored.type());
        try {
            EnrollmentGroup group = new EnrollmentGroup(enrollmentGroupId, stored, checked, clock.instant());
            group.replaceExtras(extras);
            EnrollmentGroup created = groups.save(group);
            audit.created(created);
            return created;
        } catch (DuplicateKeyException e) {
            throw duplicate(enrollmentGroupId);
        }
    }

    /** Changes everything but the attestation; refused when the group changed since {@code expectedVersion}. */
    @Transactional
    public EnrollmentGroup update(String enrollmentGroupId, long expectedVersion, EnrollmentSettings settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        EnrollmentSettings checked = settingsValidator.validate(settings, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        EnrollmentGroup group = get(enrollmentGroupId);
        if (group.version() != expectedVersion) {
            throw stale(enrollmentGroupId);
        }
        Map<String, Object> before = EnrollmentAudit.snapshot(group);
        group.update(checked, clock.instant());
        try {
            return saved(before, group);
        } catch (OptimisticLockingFailureException e) {
            throw stale(enrollmentGroupId);
        }
    }

    /**
     * The service API's PUT: creates the group or replaces all of it including its credentials;
     * omitted symmetric keys are kept on replace and generated on create (service-api.md §3.4).
     */
    @Transactional
    public EnrollmentGroup createOrReplace(String enrollmentGroupId, String ifMatch, Attestation attestation,
                                           EnrollmentSettings settings) {
        return createOrReplace(enrollmentGroupId, ifMatch, attestation, settings, EnrollmentExtras.none());
    }

    /** {@link #createOrReplace(String, String, Attestation, EnrollmentSettings)} with the API-only fields, which a replace replaces too. */
    @Transactional
    public EnrollmentGroup createOrReplace(String enrollmentGroupId, String ifMatch, Attestation attestation,
                                           EnrollmentSettings settings, EnrollmentExtras extras) {
        Optional<EnrollmentGroup> existing = find(enrollmentGroupId);
        StoredCredentials.checkIfMatch(ifMatch, existing.map(EnrollmentGroup::etag).orElse(null),
                "the enrollment group " + enrollmentGroupId);
        if (existing.isEmpty()) {
            return create(enrollmentGroupId, attestation, settings, extras);
        }
        EnrollmentGroup group = existing.get();
        Map<String, String> errors = new LinkedHashMap<>();
        Attestation stored = attestations.forGroup(StoredCredentials.keepKeysWhenOmitted(attestation, group.attestation()), errors);
        EnrollmentSettings checked = settingsValidator.validate(settings, errors);
        extras.validate(true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (stored.type() != group.attestationType()) {
            checkQuota(stored.type());
        }
        Map<String, Object> before = EnrollmentAudit.snapshot(group);
        group.update(checked, clock.instant());
        group.replaceAttestation(stored, clock.instant());
        group.replaceExtras(extras);
        try {
            return saved(before, group);
        } catch (OptimisticLockingFailureException e) {
            throw stale(enrollmentGroupId);
        }
    }

    /** The service API's DELETE: 404 when absent, stale when If-Match is given and differs. */
    @Transactional
    public void delete(String enrollmentGroupId, String ifMatch) {
        EnrollmentGroup group = get(enrollmentGroupId);
        StoredCredentials.checkIfMatch(ifMatch, group.etag(), "the enrollment group " + enrollmentGroupId);
        groups.delete(group);
        audit.deleted(group);
    }

    private EnrollmentGroup saved(Map<String, Object> before, EnrollmentGroup group) {
        EnrollmentGroup saved = groups.save(group);
        audit.updated(before, saved);
        return saved;
    }

    /** Deletes the groups; registration records of their devices stay and still count toward the quota. */
    @Transactional
    public int delete(Collection<String> enrollmentGroupIds) {
        List<EnrollmentGroup> found = groups.findByGroupKeyIn(enrollmentGroupIds.stream().map(EnrollmentGroup::keyOf).toList());
        groups.deleteAll(found);
        found.forEach(audit::deleted);
        return found.size();
    }

    /**
     * The keys a device of a symmetric-key group uses: the group keys derived with its
     * registration ID (security.md §1.3).
     */
    public DerivedDeviceKeys deviceKeys(String enrollmentGroupId, String registrationId) {
        EnrollmentRules.registrationIdProblem(registrationId).ifPresent(m -> {
            throw new InvalidInputException("registrationId", m);
        });
        EnrollmentGroup group = get(enrollmentGroupId);
        Attestation.SymmetricKey keys = group.attestation().symmetricKey();
        if (keys == null) {
            throw new InvalidInputException("registrationId", "Device keys exist only for symmetric-key groups.");
        }
        return new DerivedDeviceKeys(SymmetricKeys.deriveDeviceKey(keys.primaryKey(), registrationId),
                SymmetricKeys.deriveDeviceKey(keys.secondaryKey(), registrationId));
    }

    List<String> referencingHub(String hostName, int limit) {
        return table.idsReferencingHub("enrollment_group_id", hostName, limit);
    }

    /** X.509 groups are at most a few hundred (quota), so they are filtered here rather than in JSON SQL. */
    List<String> referencingCaCertificate(String certificateName, int limit) {
        return groups.findByAttestationType(AttestationType.X509).stream()
                .filter(group -> names(group.attestation(), certificateName))
                .map(EnrollmentGroup::enrollmentGroupId)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .limit(limit)
                .toList();
    }

    private static boolean names(Attestation attestation, String certificateName) {
        Attestation.CaReferences references = attestation.x509() == null ? null : attestation.x509().caReferences();
        return references != null && (certificateName.equalsIgnoreCase(references.primary())
                || certificateName.equalsIgnoreCase(references.secondary()));
    }

    private void checkQuota(AttestationType type) {
        int limit = type == AttestationType.X509 ? limits.x509Groups() : limits.symmetricKeyGroups();
        if (groups.countByAttestationType(type) >= limit) {
            throw new LimitExceededException("This instance already has the maximum of " + limit + " "
                    + type.label() + " enrollment groups.");
        }
    }

    private static AlreadyExistsException duplicate(String groupId) {
        return new AlreadyExistsException(GROUP_ID, "An enrollment group named \"" + groupId
                + "\" already exists (names are compared ignoring case).");
    }

    private static StaleVersionException stale(String groupId) {
        return new StaleVersionException("Someone else changed the enrollment group " + groupId
                + " after you opened it. Your changes were not saved: reload to see theirs, then edit again.");
    }

    /** A device's primary and secondary key within a symmetric-key group. */
    public record DerivedDeviceKeys(String primaryKey, String secondaryKey) {
        @Override
        public String toString() {
            return "DerivedDeviceKeys[(secret)]";
        }
    }
}
