package io.localdps.mqtt;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The CONNECT user name {@code {idScope}/registrations/{registrationId}/api-version=...&ClientVersion=...}
 * (device-api.md §5.1). Every SDK writes the tail differently (Java repeats the api-version, Node
 * and C# URL-encode a user agent, raw clients omit ClientVersion), so only the api-version counts
 * and anything else after it is ignored.
 *
 * @param clientVersion the {@code ClientVersion} the device sent, decoded; null when absent
 */
record MqttUserName(String idScope, String registrationId, String apiVersion, String clientVersion) {

    private static final String REGISTRATIONS = "registrations";

    /** Empty when the user name is missing or does not follow the pattern, which refuses the CONNECT. */
    static Optional<MqttUserName> parse(String userName) {
        if (userName == null) {
            return Optional.empty();
        }
        String[] parts = userName.split("/", 4);
        if (parts.length < 4 || parts[0].isBlank() || !parts[1].equalsIgnoreCase(REGISTRATIONS) || parts[2].isBlank()) {
            return Optional.empty();
        }
        String apiVersion = null;
        String clientVersion = null;
        // A leading '?' is not what the spec shows, but it is the natural mistake of a raw client.
        String query = parts[3].startsWith("?") ? parts[3].substring(1) : parts[3];
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = formDecode(pair.substring(0, equals));
            String value = formDecode(pair.substring(equals + 1));
            if (key.equalsIgnoreCase("api-version") && apiVersion == null) {
                apiVersion = value.strip();
            } else if (key.equalsIgnoreCase("ClientVersion") && clientVersion == null) {
                clientVersion = value;
            }
        }
        if (apiVersion == null || apiVersion.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MqttUserName(parts[0], percentDecode(parts[2]), apiVersion, clientVersion));
    }

    /** The tail is form-encoded (Python's urlencode); a value that is not valid encoding is taken as written. */
    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * Registration IDs never contain '+' or '%' themselves, so only %XX sequences are decoded here;
     * form decoding would turn a literal '+' into a space.
     */
    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        return formDecode(text.replace("+", "%2B"));
    }
}
