package io.localdps.hub;

import java.time.Instant;

/**
 * A device identity as a hub's registry holds it.
 *
 * @param generationId distinguishes this device from earlier ones of the same ID: it is new each
 *                     time the device is created, and kept while the device is updated
 * @param etag         changes with every write to the device or its twin
 */
public record DeviceRecord(String hubHostName, String deviceId, String generationId, String etag,
                           DeviceAuthentication authentication, boolean iotEdge, DeviceStatus status,
                           Instant created, Instant updated) {

    public DeviceIdentity identity() {
        return new DeviceIdentity(deviceId, authentication, iotEdge, status);
    }
}
