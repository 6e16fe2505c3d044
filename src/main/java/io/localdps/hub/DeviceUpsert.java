package io.localdps.hub;

/**
 * The outcome of writing a device identity.
 *
 * @param created true when the hub had no device of that ID before; false when an existing
 *                device was updated (behaviour.md §7.2 reports that as
 *                {@code reprovisionedToInitialAssignment} on an initial assignment)
 */
public record DeviceUpsert(DeviceRecord device, boolean created) {
}
