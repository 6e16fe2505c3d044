package io.localdps.hub;

import io.localdps.common.InvalidInputException;
import io.localdps.common.IotHubRules;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a device identity as IoT Hub's registry would and brings it into stored form. Field names
 * in the errors are those of IoT Hub's device JSON.
 */
final class DeviceIdentityRules {

    static final String DEVICE_ID = "deviceId";
    static final String AUTHENTICATION = "authentication";
    static final String PRIMARY_KEY = "authentication.symmetricKey.primaryKey";
    static final String SECONDARY_KEY = "authentication.symmetricKey.secondaryKey";
    static final String PRIMARY_THUMBPRINT = "authentication.x509Thumbprint.primaryThumbprint";
    static final String SECONDARY_THUMBPRINT = "authentication.x509Thumbprint.secondaryThumbprint";

    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_KEY_BYTES = 64;
    /** IoT Hub generates 32-byte keys when none are given. */
    private static final int GENERATED_KEY_BYTES = 32;
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceIdentityRules() {
    }

    /**
     * @return the identity with missing keys generated and thumbprints in upper-case hex
     * @throws InvalidInputException with every problem found
     */
    static DeviceIdentity checked(DeviceIdentity identity) {
        if (identity == null) {
            throw new InvalidInputException(DEVICE_ID, "Give the device identity.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        IotHubRules.deviceIdProblem(identity.deviceId()).ifPresent(m -> errors.put(DEVICE_ID, m));
        DeviceAuthentication authentication = checked(identity.authentication(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DeviceIdentity(identity.deviceId(), authentication, identity.iotEdge(), identity.status());
    }

    private static DeviceAuthentication checked(DeviceAuthentication authentication, Map<String, String> errors) {
        if (authentication == null || authentication.type() == null) {
            errors.put(AUTHENTICATION, "Choose how the device authenticates: symmetric key, X.509 self-signed or X.509 CA signed.");
            return null;
        }
        return switch (authentication.type()) {
            case SAS -> DeviceAuthentication.sas(key(authentication.primaryKey(), PRIMARY_KEY, errors),
                    key(authentication.secondaryKey(), SECONDARY_KEY, errors));
            case SELF_SIGNED -> {
                if (authentication.primaryThumbprint() == null || authentication.primaryThumbprint().isBlank()) {
                    errors.put(PRIMARY_THUMBPRINT, "A self-signed device needs the thumbprint of its certificate.");
                    yield null;
                }
                yield DeviceAuthentication.selfSigned(thumbprint(authentication.primaryThumbprint(), PRIMARY_THUMBPRINT, errors),
                        thumbprint(authentication.secondaryThumbprint(), SECONDARY_THUMBPRINT, errors));
            }
            case CERTIFICATE_AUTHORITY -> DeviceAuthentication.certificateAuthority();
        };
    }

    private static String key(String key, String field, Map<String, String> errors) {
        if (key == null || key.isBlank()) {
            byte[] generated = new byte[GENERATED_KEY_BYTES];
            RANDOM.nextBytes(generated);
            return Base64.getEncoder().encodeToString(generated);
        }
        String trimmed = key.trim();
        try {
            int length = Base64.getDecoder().decode(trimmed).length;
            if (length < MIN_KEY_BYTES || length > MAX_KEY_BYTES) {
                errors.put(field, "A device key must be " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                        + " bytes long; this one has " + length + ".");
            }
        } catch (IllegalArgumentException e) {
            errors.put(field, "A device key must be valid base64.");
        }
        return trimmed;
    }

    private static String thumbprint(String thumbprint, String field, Map<String, String> errors) {
        if (thumbprint == null || thumbprint.isBlank()) {
            return null;
        }
        String hex = thumbprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!THUMBPRINT.matcher(hex).matches()) {
            errors.put(field, "A thumbprint is the SHA-1 (40 hex digits) or SHA-256 (64 hex digits) of the certificate.");
        }
        return hex;
    }
}
