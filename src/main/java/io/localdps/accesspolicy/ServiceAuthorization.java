package io.localdps.accesspolicy;

/** The outcome of checking a service request's SAS token and the rights of its policy. */
public sealed interface ServiceAuthorization {

    record Granted(String policyName) implements ServiceAuthorization {
    }

    /**
     * @param reason a stable word for logs and tests (a {@code SasFailure} name or INSUFFICIENT_RIGHTS)
     * @param detail a sentence naming fields, never secrets
     */
    record Denied(String reason, String detail) implements ServiceAuthorization {
    }
}
