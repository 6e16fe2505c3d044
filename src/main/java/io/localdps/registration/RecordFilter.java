package io.localdps.registration;

import io.localdps.common.QueryCondition;

/**
 * What the registration record grids and the service API's queries filter by; any member may be null.
 *
 * @param where a service API query's WHERE clause (service-api.md §6)
 */
public record RecordFilter(String idContains, RegistrationStatus status, String assignedHub, String enrollmentGroupId,
                           QueryCondition where) {

    /** The console's filter, without a query condition. */
    public RecordFilter(String idContains, RegistrationStatus status, String assignedHub, String enrollmentGroupId) {
        this(idContains, status, assignedHub, enrollmentGroupId, null);
    }

    public static RecordFilter none() {
        return new RecordFilter(null, null, null, null);
    }

    public static RecordFilter ofGroup(String enrollmentGroupId) {
        return new RecordFilter(null, null, null, enrollmentGroupId);
    }

    public static RecordFilter ofGroup(String enrollmentGroupId, QueryCondition where) {
        return new RecordFilter(null, null, null, enrollmentGroupId, where);
    }
}
