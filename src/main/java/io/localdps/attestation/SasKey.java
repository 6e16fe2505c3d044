package io.localdps.attestation;

import java.util.Base64;
import java.util.Objects;

/**
 * One key a SAS token may be signed with, and which of the caller's keys it is, so a verification
 * result can say "secondary key" without ever carrying the key itself.
 */
public final class SasKey {

    /** Which key matched; recorded on registrations and in logs. */
    public enum Role {
        PRIMARY,
        SECONDARY,
        /** The nonce key K1 wrapped in a TPM challenge (security.md §1.2 step 5, §6.5). */
        TPM_CHALLENGE,
        /** The hub key K2 last issued to a TPM device, optionally accepted on re-registration. */
        TPM_ISSUED_HUB_KEY
    }

    private final Role role;
    private final byte[] secret;

    private SasKey(Role role, byte[] secret) {
        this.role = Objects.requireNonNull(role, "role");
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("a " + role + " SAS key must not be empty");
        }
        this.secret = secret.clone();
    }

    public static SasKey of(Role role, byte[] secret) {
        return new SasKey(role, secret);
    }

    /**
     * @throws IllegalArgumentException when the text is not base64; the message does not quote it
     */
    public static SasKey fromBase64(Role role, String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("the " + role + " SAS key is missing");
        }
        try {
            return new SasKey(role, Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            // The JDK's message quotes the offending character, which is a piece of the key.
            throw new IllegalArgumentException("the " + role + " SAS key is not valid base64");
        }
    }

    public static SasKey primary(String base64) {
        return fromBase64(Role.PRIMARY, base64);
    }

    public static SasKey secondary(String base64) {
        return fromBase64(Role.SECONDARY, base64);
    }

    public Role role() {
        return role;
    }

    byte[] secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "SasKey[" + role + "]";
    }
}
