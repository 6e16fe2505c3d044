package io.localdps.registration;

import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.IndividualEnrollment;

/** The outcome of checking who a device is and which enrollment applies (behaviour.md §3). */
sealed interface Attestation {

    /** The device proved its identity through this enrollment (individual, or group when individual is null). */
    record Authenticated(AttestationType type, IndividualEnrollment individual, EnrollmentGroup group,
                         String credentialBinding, String leafSha1Thumbprint,
                         String endorsementKey, String storageRootKey) implements Attestation {

        boolean enabled() {
            return individual != null ? individual.settings().enabled() : group.settings().enabled();
        }
    }

    /** TPM step one: the device must prove it holds the EK's private key (HTTP 401 + blob). */
    record TpmChallenge(String authenticationKey) implements Attestation {
    }

    /**
     * Not allowed in. {@code knownDevice} says whether the registration ID belongs to an enrollment
     * or record, so the failure is worth recording for the admin.
     */
    record Refused(int status, int errorCode, String message, String detail, AttestationType type,
                   String groupId, boolean knownDevice) implements Attestation {
    }
}
