package io.localdps.simulator.transport;

import java.io.IOException;

/** The DPS refused the MQTT connection because it is busy or unavailable: the device backs off and retries. */
public final class ConnectThrottledException extends IOException {

    private final int reasonCode;

    public ConnectThrottledException(int reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public int reasonCode() {
        return reasonCode;
    }
}
