package io.localdps.allocation;

/**
 * The {@code errorCode} values of a {@link AllocationDecision.Failed failed} allocation, which the
 * device sees in its registration state (device-api.md §7). Azure publishes only the 4002xx codes;
 * the 4003xx codes are ours (behaviour.md §5.1 leaves the number open).
 */
public final class AllocationErrorCodes {

    /** {@code CustomAllocationFailed}: the webhook answered with an unusable status or body, or never answered. */
    public static final int CUSTOM_ALLOCATION_FAILED = 400207;

    /** {@code CustomAllocationIotHubNotSpecified}: the webhook answered 200 without an {@code iotHubHostName}. */
    public static final int CUSTOM_ALLOCATION_IOT_HUB_NOT_SPECIFIED = 400208;

    /** {@code CustomAllocationUnauthorizedAccess}: the webhook answered 401. */
    public static final int CUSTOM_ALLOCATION_UNAUTHORIZED_ACCESS = 400209;

    /**
     * Ours: no candidate hub is left after the policy's filtering, e.g. no hub is linked or every
     * candidate has {@code applyAllocationPolicy = false}.
     */
    public static final int NO_IOT_HUB_AVAILABLE = 400301;

    /** Ours: the effective policy is {@code static} but the candidate list does not name exactly one hub. */
    public static final int STATIC_ALLOCATION_NEEDS_ONE_IOT_HUB = 400302;

    private AllocationErrorCodes() {
    }
}
