package io.localdps.attestation;

/** Why a SAS token was refused. Every one of them is a 401 on the wire (security.md §1.2 step 6, §2.2). */
public enum SasFailure {
    /** Not a parseable {@code SharedAccessSignature} token, or a required field is missing. */
    MALFORMED,
    /** Device token whose {@code skn} is neither empty nor {@code registration}. */
    UNEXPECTED_KEY_NAME,
    /** {@code se} is not after now. */
    EXPIRED,
    /** {@code sr} does not name the resource of the request. */
    WRONG_RESOURCE,
    /** Service token whose {@code skn} names no shared access policy. */
    UNKNOWN_POLICY,
    /** No key the caller offered produced the signature. */
    SIGNATURE_MISMATCH
}
