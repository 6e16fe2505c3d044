package io.localdps.hub;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A hub device's credentials, mapped from the DPS attestation as behaviour.md §6.1 recommends:
 * symmetric keys and TPM become {@link AuthenticationType#SAS} keys, X.509 devices the SHA-1 (or
 * SHA-256) thumbprint of the leaf they presented. Only the members of {@link #type()} are set.
 *
 * @param primaryKey    base64 key of 16 to 64 bytes; null asks the hub to generate one
 * @param secondaryKey  as the primary key
 * @param primaryThumbprint   hex SHA-1 (40 digits) or SHA-256 (64 digits) of the certificate's DER
 * @param secondaryThumbprint optional second thumbprint, for certificate roll-over
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceAuthentication(AuthenticationType type, String primaryKey, String secondaryKey,
                                   String primaryThumbprint, String secondaryThumbprint) {

    /** Keys never reach a log through {@code toString}; thumbprints are not secret. */
    @Override
    public String toString() {
        return "DeviceAuthentication[" + type + (primaryKey == null && secondaryKey == null ? "" : ", keys (secret)")
                + (primaryThumbprint == null ? "" : ", " + primaryThumbprint) + "]";
    }

    public static DeviceAuthentication sas(String primaryKey, String secondaryKey) {
        return new DeviceAuthentication(AuthenticationType.SAS, primaryKey, secondaryKey, null, null);
    }

    public static DeviceAuthentication selfSigned(String primaryThumbprint, String secondaryThumbprint) {
        return new DeviceAuthentication(AuthenticationType.SELF_SIGNED, null, null, primaryThumbprint, secondaryThumbprint);
    }

    /** The hub trusts any certificate chaining to a CA it knows; nothing device-specific is stored. */
    public static DeviceAuthentication certificateAuthority() {
        return new DeviceAuthentication(AuthenticationType.CERTIFICATE_AUTHORITY, null, null, null, null);
    }
}
