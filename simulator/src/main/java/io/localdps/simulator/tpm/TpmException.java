package io.localdps.simulator.tpm;

/** A command the software TPM refuses, with the response code a real TPM would give (TPM_RC_*). */
public final class TpmException extends RuntimeException {

    public TpmException(String message) {
        super(message);
    }
}
