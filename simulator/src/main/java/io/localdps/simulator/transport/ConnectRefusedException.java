package io.localdps.simulator.transport;

import java.io.IOException;

/** The DPS refused the MQTT connection for the device's identity or credentials (see ConnectRefusals): retrying will not help. */
public final class ConnectRefusedException extends IOException {

    private final int reasonCode;

    public ConnectRefusedException(int reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public int reasonCode() {
        return reasonCode;
    }
}
