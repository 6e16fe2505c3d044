package io.localdps.enrollment;

import io.localdps.common.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validation rules of behaviour.md §11, each answering with the message an admin sees at the
 * field. The console's binders and {@link EnrollmentValidator} both use them, so the form and the
 * service can never disagree.
 */
public final class EnrollmentRules {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_X509_ID_LENGTH = 64;
    public static final int MAX_TAGS_BYTES = 8 * 1024;
    public static final int MAX_DESIRED_BYTES = 32 * 1024;
    private static final int MAX_TWIN_DEPTH = 10;
    private static final int MAX_TWIN_STRING = 4 * 1024;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]*[A-Za-z0-9-]");
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9\\-:.+%_#*?!(),=@;$']+");
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    private EnrollmentRules() {
    }

    public static Optional<String> registrationIdProblem(String id) {
        return idProblem(id, "registration ID");
    }

    public static Optional<String> groupNameProblem(String name) {
        return idProblem(name, "group name");
    }

    private static Optional<String> idProblem(String id, String what) {
        if (id == null || id.isEmpty()) {
            return Optional.of("Enter a " + what + ".");
        }
        if (id.length() > MAX_ID_LENGTH) {
            return Optional.of("The " + what + " can be at most " + MAX_ID_LENGTH + " characters long.");
        }
        if (!ID.matcher(id).matches()) {
            return Optional.of("The " + what + " may contain only letters, digits and - . _ : and must end "
                    + "with a letter, a digit or -.");
        }
        return Optional.empty();
    }

    /** A blank device ID is fine: the registration ID is used. */
    public static Optional<String> deviceIdProblem(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            return Optional.empty();
        }
        if (deviceId.length() > MAX_ID_LENGTH) {
            return Optional.of("The device ID can be at most " + MAX_ID_LENGTH + " characters long.");
        }
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            return Optional.of("The device ID may contain only ASCII letters, digits and - : . + % _ # * ? ! ( ) , = @ ; $ '");
        }
        return Optional.empty();
    }

    public static Optional<String> webhookUrlProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("Enter the webhook URL that a custom allocation calls.");
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return Optional.of("Enter an absolute http:// or https:// URL, e.g. https://alloc.example.com/api/allocate.");
            }
        } catch (URISyntaxException e) {
            return Optional.of("This is not a valid URL: " + e.getReason() + ".");
        }
        return Optional.empty();
    }

    public static Optional<String> apiVersionProblem(String apiVersion) {
        if (apiVersion == null || apiVersion.isBlank()) {
            return Optional.of("Enter the webhook's API version, e.g. " + CustomAllocationDefinition.DEFAULT_API_VERSION + ".");
        }
        if (!API_VERSION.matcher(apiVersion.trim()).matches() || apiVersion.trim().compareTo("2018-09-01-preview") < 0) {
            return Optional.of("Use an API version like 2021-10-01 (2018-09-01-preview or later).");
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

    /** IoT Hub's twin rules, which the twin DPS writes must meet. */
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
