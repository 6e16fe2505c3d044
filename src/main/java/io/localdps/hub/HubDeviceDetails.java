package io.localdps.hub;

/** A device of a hub with its twin, as the console's device page shows it. */
public record HubDeviceDetails(DeviceRecord device, DeviceTwin twin) {
}
