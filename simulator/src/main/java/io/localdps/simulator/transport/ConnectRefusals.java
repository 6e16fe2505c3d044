package io.localdps.simulator.transport;

import java.io.IOException;
import java.util.Set;

/**
 * What a refused MQTT connection means for the device. Only an authentication or identity refusal is
 * final; a busy, unavailable or rate-limited server (our DPS answers "server unavailable" when its
 * MQTT request queue is full) asks the device to back off and try again, like a 429 over HTTPS.
 */
public final class ConnectRefusals {

    /** MQTT 3.1.1 CONNACK: 2 identifier rejected, 4 bad user name or password, 5 not authorized. */
    private static final Set<Integer> V3_FINAL = Set.of(2, 4, 5);
    /** MQTT 3.1.1 CONNACK 3: server unavailable. */
    private static final int V3_SERVER_UNAVAILABLE = 3;
    /** MQTT 5 CONNACK: client identifier not valid, bad user name or password, not authorized, banned, bad authentication method. */
    private static final Set<Integer> V5_FINAL = Set.of(0x85, 0x86, 0x87, 0x8A, 0x8C, 0x84);
    /** MQTT 5 CONNACK: server unavailable, server busy, quota exceeded, connection rate exceeded. */
    private static final Set<Integer> V5_THROTTLED = Set.of(0x88, 0x89, 0x97, 0x9F);

    private ConnectRefusals() {
    }

    /** The exception for an MQTT 3.1.1 CONNACK return code 1–5. */
    static IOException v3(int returnCode, Throwable cause) {
        String message = "MQTT CONNACK refused, return code " + returnCode;
        if (V3_FINAL.contains(returnCode)) {
            return new ConnectRefusedException(returnCode, message);
        }
        if (returnCode == V3_SERVER_UNAVAILABLE) {
            return new ConnectThrottledException(returnCode, message);
        }
        return new IOException(message, cause);
    }

    /** The exception for an MQTT 5 CONNACK reason code 0x80 or above. */
    static IOException v5(int reasonCode, Throwable cause) {
        String message = "MQTT CONNACK refused, reason 0x" + Integer.toHexString(reasonCode);
        if (V5_FINAL.contains(reasonCode)) {
            return new ConnectRefusedException(reasonCode, message);
        }
        if (V5_THROTTLED.contains(reasonCode)) {
            return new ConnectThrottledException(reasonCode, message);
        }
        return new IOException(message, cause);
    }
}
