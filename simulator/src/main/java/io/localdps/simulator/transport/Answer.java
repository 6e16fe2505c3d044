package io.localdps.simulator.transport;

/**
 * One answer of the DPS to a register or poll request, the same on every protocol.
 *
 * @param status            HTTP status, or the status segment of the MQTT response topic
 * @param retryAfterSeconds {@code retry-after}, or null when absent
 * @param body              the JSON body (may be empty)
 */
public record Answer(int status, Integer retryAfterSeconds, String body) {
}
