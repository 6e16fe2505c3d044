package io.localdps.enrollment;

import io.localdps.common.QueryCondition;

/**
 * What the enrollment grids and the service API's queries filter by. Any member may be null (no filter).
 *
 * @param idContains part of the registration ID or group name, case-insensitive
 * @param where      a service API query's WHERE clause (service-api.md §6)
 */
public record EnrollmentFilter(String idContains, AttestationType attestationType, ProvisioningStatus status,
                               QueryCondition where) {

    /** The console's filter, without a query condition. */
    public EnrollmentFilter(String idContains, AttestationType attestationType, ProvisioningStatus status) {
        this(idContains, attestationType, status, null);
    }

    public static EnrollmentFilter none() {
        return new EnrollmentFilter(null, null, null, null);
    }

    public static EnrollmentFilter where(QueryCondition condition) {
        return new EnrollmentFilter(null, null, null, condition);
    }
}
