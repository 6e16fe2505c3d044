package io.localdps.common;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IoT Hub's own rules for device IDs and twins (behaviour.md §11). They live here, not in a
 * feature, because two features follow them: enrollments check what DPS will later write into a
 * hub, and the simulated hubs check what they are given. (The enrollment feature depends on the
 * hub feature, so the hub feature cannot use the enrollment rules.)
 */
public final class IotHubRules {

    public static final int MAX_DEVICE_ID_LENGTH = 128;
    public static final int MAX_TAGS_BYTES = 8 * 1024;
    public static final int MAX_DESIRED_BYTES = 32 * 1024;
    public static final int MAX_REPORTED_BYTES = 32 * 1024;
    private static final int MAX_TWIN_DEPTH = 10;
    private static final int MAX_TWIN_STRING = 4 * 1024;

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9\\-:.+%_#*?!(),=@;$']+");

    private IotHubRules() {
    }

    /** A device ID as a hub's identity registry accepts it: required, case-sensitive, 1 to 128 characters. */
    public static Optional<String> deviceIdProblem(String deviceId) {
        if (deviceId == null || deviceId.isEmpty()) {
            return Optional.of("Enter a device ID.");
        }
        if (deviceId.length() > MAX_DEVICE_ID_LENGTH) {
            return Optional.of("The device ID can be at most " + MAX_DEVICE_ID_LENGTH + " characters long.");
        }
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            return Optional.of("The device ID may contain only ASCII letters, digits and - : . + % _ # * ? ! ( ) , = @ ; $ '");
        }
        return Optional.empty();
    }

    /** Parses and checks the JSON text of twin tags or desired properties typed in the console. */
    public static Json.ParsedObject parseTwinSection(String text, String what, int maxBytes) {
        Json.ParsedObject parsed = Json.parseObject(text);
        if (!parsed.ok()) {
            return parsed;
        }
        return twinSectionProblem(parsed.object(), what, maxBytes)
                .map(problem -> new Json.ParsedObject(null, problem))
                .orElse(parsed);
    }

    /**
     * Checks one twin section (tags, desired or reported properties).
     *
     * @param what how the message names the section, e.g. "device tags"
     */
    public static Optional<String> twinSectionProblem(ObjectNode section, String what, int maxBytes) {
        int size = Json.write(section).getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            return Optional.of(capitalise(what) + " are " + size + " bytes; at most " + maxBytes + " are allowed.");
        }
        return nodeProblem(section, what, 0);
    }

    /**
     * @param depth how many objects or arrays enclose {@code node} inside the section; IoT Hub's
     *              documented valid example has ten nested objects, the innermost holding a value
     */
    private static Optional<String> nodeProblem(JsonNode node, String what, int depth) {
        if (node.isContainer() && depth > MAX_TWIN_DEPTH) {
            return Optional.of(capitalise(what) + " may be nested at most " + MAX_TWIN_DEPTH + " levels deep.");
        }
        if (node.isString() && node.asString().length() > MAX_TWIN_STRING) {
            return Optional.of("Strings in " + what + " can be at most " + MAX_TWIN_STRING + " characters long.");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Optional<String> keyProblem = twinKeyProblem(field.getKey(), what);
                if (keyProblem.isPresent()) {
                    return keyProblem;
                }
                Optional<String> nested = nodeProblem(field.getValue(), what, depth + 1);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> nested = nodeProblem(element, what, depth + 1);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> twinKeyProblem(String key, String what) {
        if (key.isEmpty()) {
            return Optional.of("Keys in " + what + " must not be empty.");
        }
        if (key.startsWith("$")) {
            return Optional.of("The key \"" + key + "\" in " + what + " starts with $, which is reserved.");
        }
        if (key.chars().anyMatch(c -> Character.isISOControl(c) || c == '.' || c == ' ')) {
            return Optional.of("The key \"" + key + "\" in " + what + " must not contain dots, spaces or control characters.");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
            return Optional.of("Keys in " + what + " can be at most 1 KB long.");
        }
        return Optional.empty();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
