package io.localdps.attestation;

/**
 * A SAS token that cannot be parsed (security.md §1.2 step 1). The message names the problem and
 * the field, never a signature or key, so it may go into registration records and logs.
 */
public final class MalformedSasTokenException extends IllegalArgumentException {

    public MalformedSasTokenException(String message) {
        super(message);
    }
}
