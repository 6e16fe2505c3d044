package io.localdps.attestation;

import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of checking a SAS token: which key matched, or why it was refused. Neither side carries
 * key material or the signature, so both can be stored on registration records and logged.
 */
public sealed interface SasVerification {

    boolean accepted();

    /**
     * @param matchedKey the role of the first key that produced the signature
     * @param policyName for service tokens the shared access policy's name as stored; empty for device tokens
     */
    record Accepted(SasKey.Role matchedKey, Optional<String> policyName) implements SasVerification {
        public Accepted {
            Objects.requireNonNull(matchedKey, "matchedKey");
            Objects.requireNonNull(policyName, "policyName");
        }

        @Override
        public boolean accepted() {
            return true;
        }
    }

    /** @param detail a sentence for logs and registration records (names fields, never secrets) */
    record Rejected(SasFailure failure, String detail) implements SasVerification {
        public Rejected {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean accepted() {
            return false;
        }
    }
}
