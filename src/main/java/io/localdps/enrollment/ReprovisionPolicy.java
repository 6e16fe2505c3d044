package io.localdps.enrollment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What happens when a device that is already assigned registers again (behaviour.md §7).
 * An enrollment may also have no stored policy at all, which matters for legacy clients, so
 * enrollments hold this as nullable.
 */
public record ReprovisionPolicy(boolean updateHubAssignment, boolean migrateDeviceData) {

    public static final ReprovisionPolicy MIGRATE = new ReprovisionPolicy(true, true);
    public static final ReprovisionPolicy RESET = new ReprovisionPolicy(true, false);
    public static final ReprovisionPolicy NEVER = new ReprovisionPolicy(false, false);

    /** {@code migrateDeviceData} means nothing when the hub assignment is never updated. */
    public ReprovisionPolicy {
        if (!updateHubAssignment) {
            migrateDeviceData = false;
        }
    }

    /**
     * Reads the JSON of the service API and of the stored column: a member left out is {@code true},
     * the swagger's default for both (service-api.md §3.1), not Java's {@code false}.
     */
    @JsonCreator
    static ReprovisionPolicy fromJson(@JsonProperty("updateHubAssignment") Boolean updateHubAssignment,
                                      @JsonProperty("migrateDeviceData") Boolean migrateDeviceData) {
        return new ReprovisionPolicy(updateHubAssignment == null || updateHubAssignment,
                migrateDeviceData == null || migrateDeviceData);
    }

    public String label() {
        if (!updateHubAssignment) {
            return "Never reprovision device";
        }
        return migrateDeviceData
                ? "Reprovision device and migrate current state"
                : "Reprovision device and reset to initial config";
    }
}
