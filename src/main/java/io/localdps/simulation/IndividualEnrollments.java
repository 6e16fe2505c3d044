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
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Creates the individual enrollments a run's devices register with. A device whose enrollment
 * already exists with the same credentials keeps it (that is what re-running a fleet does); one
 * whose registration ID is enrolled with other credentials stops the run before anything is
 * created, so a run never overwrites an enrollment someone else made.
 */
final class IndividualEnrollments {

    /** The portal's defaults: hashed over all linked hubs, reprovisioning migrates the device. */
    static final EnrollmentSettings SETTINGS = EnrollmentSettings.defaults();

    /** How many enrollments are looked up or created between two looks at the run's stop. */
    static final int BATCH = 100;

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

    /**
     * @param stopped asked between batches: once true, nothing more is looked up or created
     * @return how many enrollments were created
     * @throws CancellationException when {@code stopped} said so
     */
    int ensureSymmetric(List<String> registrationIds, String key, BooleanSupplier stopped) {
        return ensure(registrationIds.stream().map(id -> new Wanted(id, Attestation.symmetricKey(key, key))).toList(), stopped);
    }

    /** As {@link #ensureSymmetric}, for software TPMs. */
    int ensureTpm(List<TpmIdentity> identities, BooleanSupplier stopped) {
        return ensure(identities.stream().map(identity ->
                new Wanted(identity.registrationId(), Attestation.tpm(identity.endorsementKey()))).toList(), stopped);
    }

    private int ensure(List<Wanted> wanted, BooleanSupplier stopped) {
        List<Wanted> missing = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            checkStopped(i, stopped);
            Wanted device = wanted.get(i);
            Optional<IndividualEnrollment> existing = enrollments.find(device.registrationId());
            if (existing.isEmpty()) {
                missing.add(device);
            } else if (!sameCredentials(existing.get().attestation(), device.attestation())) {
                throw new InvalidInputException(SimulationRules.REGISTRATION_IDS, "An individual enrollment "
                        + existing.get().registrationId() + " already exists with other credentials; choose another "
                        + "registration ID pattern or delete that enrollment.");
            }
        }
        for (int i = 0; i < missing.size(); i++) {
            checkStopped(i, stopped);
            Wanted device = missing.get(i);
            enrollments.create(device.registrationId(), null, device.attestation(), SETTINGS);
        }
        return missing.size();
    }

    /** A stop during a preparation of up to 100,000 enrollments takes effect within one batch. */
    private static void checkStopped(int done, BooleanSupplier stopped) {
        if (done % BATCH == 0 && stopped.getAsBoolean()) {
            throw new CancellationException("stopped after " + done + " enrollments");
        }
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
