package io.localdps.enrollment;

/**
 * What the enrollment grids filter by. Any member may be null (no filter).
 *
 * @param idContains part of the registration ID or group name, case-insensitive
 */
public record EnrollmentFilter(String idContains, AttestationType attestationType, ProvisioningStatus status) {

    public static EnrollmentFilter none() {
        return new EnrollmentFilter(null, null, null);
    }
}
