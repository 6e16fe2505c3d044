package io.localdps.registration;

/** What the registration record grids filter by; any member may be null. */
public record RecordFilter(String idContains, RegistrationStatus status, String assignedHub, String enrollmentGroupId) {

    public static RecordFilter none() {
        return new RecordFilter(null, null, null, null);
    }

    public static RecordFilter ofGroup(String enrollmentGroupId) {
        return new RecordFilter(null, null, null, enrollmentGroupId);
    }
}
