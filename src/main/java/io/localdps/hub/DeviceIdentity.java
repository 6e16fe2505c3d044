package io.localdps.hub;

/**
 * What DPS writes into a hub's identity registry for one device (behaviour.md §6.1).
 *
 * @param deviceId case-sensitive IoT Hub device ID
 * @param iotEdge  the enrollment's {@code capabilities.iotEdge}
 */
public record DeviceIdentity(String deviceId, DeviceAuthentication authentication, boolean iotEdge, DeviceStatus status) {

    public DeviceIdentity {
        status = status == null ? DeviceStatus.ENABLED : status;
    }

    /** An enabled device, as DPS creates every device. */
    public static DeviceIdentity enabled(String deviceId, DeviceAuthentication authentication, boolean iotEdge) {
        return new DeviceIdentity(deviceId, authentication, iotEdge, DeviceStatus.ENABLED);
    }
}
