package io.localdps.simulator.transport;

import java.io.IOException;

/**
 * A device's connection to the DPS for one registration: register and poll requests, one
 * answer each. Implementations block the calling (virtual) thread until the answer arrives.
 */
public interface RegistrationChannel extends AutoCloseable {

    /**
     * Sends the register request.
     *
     * @param body          the DeviceRegistration JSON
     * @param authorization the SAS token for HTTPS requests (null: none, e.g. the first TPM request);
     *                      ignored by MQTT, which authenticated at CONNECT
     */
    Answer register(String body, String authorization) throws IOException, InterruptedException;

    /** Polls the operation, authenticated like the last register request. */
    Answer poll(String operationId) throws IOException, InterruptedException;

    /** Disconnects; never throws. */
    @Override
    void close();
}
