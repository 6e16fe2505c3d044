package io.localdps.registration;

import io.localdps.enrollment.InitialTwin;
import io.localdps.enrollment.ReprovisionPolicy;

/**
 * The re-registration matrix of behaviour.md §7.2: from the existing record (if any), the newly
 * allocated hub and the policy, what happens to the hubs and which substatus the device gets.
 */
final class ReprovisionPlanner {

    /** Devices on api-versions before this one get initialAssignment instead (behaviour.md §7.2). */
    static final String REPROVISIONED_SUBSTATUS_SINCE = "2019-04-15";

    private ReprovisionPlanner() {
    }

    /**
     * @param previousHub      the record's assigned hub, or null when the device was never assigned
     * @param previousDeviceId the record's device ID
     * @param previousStatus   the record's substatus
     * @param newHub           the allocated hub (for "never", the previous hub)
     * @param deviceId         the device ID the enrollment gives
     * @param existsInNewHub   whether the device ID already exists in the new hub
     * @param twin             the initial twin to apply where the matrix applies one (webhook's or enrollment's)
     */
    static Provisioning.Plan plan(ReprovisionPolicy policy, String previousHub, String previousDeviceId,
                                  Substatus previousStatus, String newHub, String deviceId, boolean existsInNewHub,
                                  InitialTwin twin, String apiVersion) {
        if (previousHub == null) {
            if (existsInNewHub) {
                Substatus substatus = apiVersion != null && apiVersion.compareTo(REPROVISIONED_SUBSTATUS_SINCE) < 0
                        ? Substatus.INITIAL_ASSIGNMENT : Substatus.REPROVISIONED_TO_INITIAL_ASSIGNMENT;
                return new Provisioning.Plan(newHub, deviceId, substatus, Provisioning.Action.CREATE, nonEmpty(twin));
            }
            return new Provisioning.Plan(newHub, deviceId, Substatus.INITIAL_ASSIGNMENT, Provisioning.Action.CREATE, twin);
        }
        Substatus kept = previousStatus == null ? Substatus.INITIAL_ASSIGNMENT : previousStatus;
        if (!policy.updateHubAssignment()) {
            return new Provisioning.Plan(previousHub, previousDeviceId, kept, Provisioning.Action.REFRESH, null);
        }
        boolean sameHub = newHub.equalsIgnoreCase(previousHub);
        if (policy.migrateDeviceData()) {
            return sameHub
                    ? new Provisioning.Plan(previousHub, previousDeviceId, kept, Provisioning.Action.REFRESH, null)
                    : new Provisioning.Plan(newHub, previousDeviceId, Substatus.DEVICE_DATA_MIGRATED, Provisioning.Action.MIGRATE, null);
        }
        return sameHub
                ? new Provisioning.Plan(previousHub, previousDeviceId, Substatus.DEVICE_DATA_RESET, Provisioning.Action.RESET_IN_PLACE, twin)
                : new Provisioning.Plan(newHub, deviceId, Substatus.DEVICE_DATA_RESET, Provisioning.Action.MOVE_AND_RESET, twin);
    }

    /** Only a configured twin overwrites a device that was already in the hub (behaviour.md §6.2). */
    private static InitialTwin nonEmpty(InitialTwin twin) {
        return twin == null || twin.isEmpty() ? null : twin;
    }
}
