package io.localdps.enrollment;

/**
 * Builders for enrollments in a known state, for tests that need one to exist before they start.
 * Services are the only way in, so fixtures obey the same rules as the console and the API.
 */
public final class EnrollmentFixtures {

    private EnrollmentFixtures() {
    }

    public static EnrollmentSettings settings() {
        return EnrollmentSettings.defaults();
    }

    public static EnrollmentGroup symmetricKeyGroup(EnrollmentGroupService groups, String groupId) {
        return groups.create(groupId, Attestation.symmetricKey(null, null), settings());
    }

    public static IndividualEnrollment symmetricKeyDevice(IndividualEnrollmentService enrollments, String registrationId) {
        return enrollments.create(registrationId, null, Attestation.symmetricKey(null, null), settings());
    }
}
