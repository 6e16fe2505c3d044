package io.localdps.hub;

import java.time.Instant;

/** One row of a hub's device list: the key columns only, no credentials or twin. */
public record HubDeviceSummary(String hubHostName, String deviceId, AuthenticationType authType, boolean iotEdge,
                               DeviceStatus status, Instant updated) {
}
