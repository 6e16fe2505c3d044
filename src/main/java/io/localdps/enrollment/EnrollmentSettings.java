package io.localdps.enrollment;

/**
 * Everything an individual enrollment and an enrollment group have in common besides identity and
 * attestation: the portal's provisioning status, reprovision policy, "IoT hubs" tab and "Device
 * settings" tab. Embedded in both aggregates.
 *
 * @param reprovisionPolicy  null when the creator sent none (legacy clients rely on the absence)
 * @param allocationPolicy   null to follow the instance default at registration time
 * @param customAllocation   the webhook, set exactly when the policy is custom
 */
public record EnrollmentSettings(
        ProvisioningStatus provisioningStatus,
        ReprovisionPolicy reprovisionPolicy,
        AllocationPolicy allocationPolicy,
        TargetHubs iotHubs,
        CustomAllocationDefinition customAllocation,
        boolean iotEdge,
        InitialTwin initialTwin) {

    public EnrollmentSettings {
        provisioningStatus = provisioningStatus == null ? ProvisioningStatus.ENABLED : provisioningStatus;
        iotHubs = iotHubs == null ? TargetHubs.allLinkedHubs() : iotHubs;
        initialTwin = initialTwin == null ? InitialTwin.empty() : initialTwin;
    }

    /** The portal's defaults for a new enrollment. */
    public static EnrollmentSettings defaults() {
        return new EnrollmentSettings(ProvisioningStatus.ENABLED, ReprovisionPolicy.MIGRATE, AllocationPolicy.HASHED,
                TargetHubs.allLinkedHubs(), null, false, InitialTwin.empty());
    }

    public boolean enabled() {
        return provisioningStatus == ProvisioningStatus.ENABLED;
    }

    public EnrollmentSettings withProvisioningStatus(ProvisioningStatus status) {
        return new EnrollmentSettings(status, reprovisionPolicy, allocationPolicy, iotHubs, customAllocation, iotEdge, initialTwin);
    }
}
