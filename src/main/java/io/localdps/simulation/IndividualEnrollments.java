package io.localdps.simulation;

import io.localdps.attestation.SymmetricKeys;
import io.localdps.common.InvalidInputException;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.simulator.tpm.TpmIdentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the individual enrollments a run's devices register with. A device whose enrollment
 * already exists with the same credentials keeps it (that is what re-running a fleet does); one
 * whose registration ID is enrolled with other credentials stops the run before anything is
 * created, so a run never overwrites an enrollment someone else made.
 */
final class IndividualEnrollments {

    /** The portal's defaults: hashed over all linked hubs, reprovisioning migrates the device. */
    static final EnrollmentSettings SETTINGS = EnrollmentSettings.defaults();

    private final IndividualEnrollmentService enrollments;

    IndividualEnrollments(IndividualEnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    /**
     * The key all the run's symmetric-key devices share: that of the first device's existing
     * enrollment, so a second run with the same names reuses it, else a new one.
     */
    String sharedSymmetricKey(String firstRegistrationId) {
        return enrollments.find(firstRegistrationId)
                .map(IndividualEnrollment::attestation)
                .filter(attestation -> attestation.type() == AttestationType.SYMMETRIC_KEY)
                .map(attestation -> attestation.symmetricKey().primaryKey())
                .orElseGet(SymmetricKeys::generate);
    }

    /** @return how many enrollments were created */
    int ensureSymmetric(List<String> registrationIds, String key) {
        return ensure(registrationIds.stream().map(id -> new Wanted(id, Attestation.symmetricKey(key, key))).toList());
    }

    /** @return how many enrollments were created */
    int ensureTpm(List<TpmIdentity> identities) {
        return ensure(identities.stream().map(identity ->
                new Wanted(identity.registrationId(), Attestation.tpm(identity.endorsementKey()))).toList());
    }

    private int ensure(List<Wanted> wanted) {
        List<Wanted> missing = new ArrayList<>();
        for (Wanted device : wanted) {
            Optional<IndividualEnrollment> existing = enrollments.find(device.registrationId());
            if (existing.isEmpty()) {
                missing.add(device);
            } else if (!sameCredentials(existing.get().attestation(), device.attestation())) {
                throw new InvalidInputException(SimulationRules.REGISTRATION_IDS, "An individual enrollment "
                        + existing.get().registrationId() + " already exists with other credentials; choose another "
                        + "registration ID pattern or delete that enrollment.");
            }
        }
        missing.forEach(device -> enrollments.create(device.registrationId(), null, device.attestation(), SETTINGS));
        return missing.size();
    }

    private static boolean sameCredentials(Attestation existing, Attestation wanted) {
        if (existing.type() != wanted.type()) {
            return false;
        }
        return switch (wanted.type()) {
            case SYMMETRIC_KEY -> Objects.equals(existing.symmetricKey().primaryKey(), wanted.symmetricKey().primaryKey());
            case TPM -> java.util.Arrays.equals(decode(existing.tpm().endorsementKey()), decode(wanted.tpm().endorsementKey()));
            default -> false;
        };
    }

    /** Stored keys are re-encoded on save; the key bytes are what identify the TPM. */
    private static byte[] decode(String base64) {
        return base64 == null ? new byte[0] : java.util.Base64.getMimeDecoder().decode(base64);
    }

    private record Wanted(String registrationId, Attestation attestation) {
    }
}
