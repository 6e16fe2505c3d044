package io.localdps.simulation;

/**
 * One simulated device's outcome as the console lists it.
 *
 * @param status       how the device ended: assigned, failed, disabled, error (no operation result:
 *                     refused, transport failure, timed out) or stopped
 * @param assignedHub  null unless assigned
 * @param latencyMillis from the first connection attempt to the final answer, -1 if it never started
 */
public record DeviceResult(String registrationId, String status, String substatus, String assignedHub,
                           String deviceId, int attempts, long latencyMillis, String error) {
}
