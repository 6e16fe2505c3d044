package io.localdps.simulator;

import java.util.Locale;

/** How a simulated device's registration ended. */
public enum DeviceStatus {
    /** The DPS assigned the device to a hub (operation status {@code assigned}). */
    ASSIGNED,
    /** The operation ended {@code failed} (e.g. a webhook or quota failure), with the DPS's error code. */
    FAILED,
    /** The operation ended {@code disabled}: the enrollment or its group is disabled. */
    DISABLED,
    /**
     * The device got no operation result: refused at once (401 bad credentials, 404 no enrollment),
     * transport or TLS failure, attempts exhausted after throttling, or timed out.
     */
    ERROR,
    /** The run was stopped before the device started or finished. */
    STOPPED;

    /** Lower-case name, as in CSV files and summaries. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
