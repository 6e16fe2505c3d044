package io.localdps.attestation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks a device's SAS token (HTTP {@code Authorization}, MQTT password, AMQP SASL) exactly as
 * security.md §1.2 lays out: parse, key name, expiry, resource, signature — in that order, so the
 * failure reported is the first rule the token breaks.
 *
 * <p>Which keys to offer is the caller's business (§1.2 step 5): an individual enrollment's primary
 * and secondary key, a group's <em>derived</em> keys ({@link SymmetricKeys#deriveDeviceKey}) — never
 * the group key itself — or a TPM challenge key.
 */
public final class DeviceSasVerifier {

    /** The only non-empty {@code skn} the device API knows (C, C#, Node send it; Java sends it empty). */
    public static final String DEVICE_KEY_NAME = "registration";

    private DeviceSasVerifier() {
    }

    /**
     * @param token          the header value or MQTT password, scheme included
     * @param idScope        the ID scope of the request (URL path, MQTT user name, AMQP address)
     * @param registrationId the registration ID of the request, as the device sent it
     * @param keys           keys to try, in order; the first match wins
     * @param now            the time to judge expiry against
     */
    public static SasVerification verify(String token, String idScope, String registrationId,
                                         List<SasKey> keys, Instant now) {
        SasToken sas;
        try {
            sas = SasToken.parse(token);
        } catch (MalformedSasTokenException e) {
            return new SasVerification.Rejected(SasFailure.MALFORMED, e.getMessage());
        }

        Optional<String> keyName = sas.keyName();
        if (keyName.isPresent() && !keyName.get().isEmpty() && !keyName.get().equalsIgnoreCase(DEVICE_KEY_NAME)) {
            return new SasVerification.Rejected(SasFailure.UNEXPECTED_KEY_NAME,
                    "skn must be empty or '" + DEVICE_KEY_NAME + "' for the device API, was '" + SasToken.forLog(keyName.get()) + "'");
        }

        if (sas.isExpiredAt(now)) {
            return new SasVerification.Rejected(SasFailure.EXPIRED,
                    "token expired at " + sas.expiry() + " (se=" + sas.expiryAsSent() + "), now is " + now);
        }

        // Registration IDs and ID scopes are case-insensitive, and SDKs differ in how they encode sr,
        // so the decoded text is what is compared.
        String expected = idScope + "/registrations/" + registrationId;
        if (!sas.resource().equalsIgnoreCase(expected)) {
            return new SasVerification.Rejected(SasFailure.WRONG_RESOURCE,
                    "sr names '" + SasToken.forLog(sas.resource()) + "' but the request is for '" + SasToken.forLog(expected) + "'");
        }

        return SasSignatures.firstMatchingKey(sas, keys)
                .<SasVerification>map(key -> new SasVerification.Accepted(key.role(), Optional.empty()))
                .orElseGet(() -> new SasVerification.Rejected(SasFailure.SIGNATURE_MISMATCH,
                        keys.isEmpty() ? "no key to verify the signature with"
                                : "signature matches none of the keys " + SasSignatures.roles(keys)));
    }
}
