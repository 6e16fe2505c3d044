package io.localdps.enrollment;

import io.localdps.common.IotHubRules;
import io.localdps.common.Json;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
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
    public static final int MAX_TAGS_BYTES = IotHubRules.MAX_TAGS_BYTES;
    public static final int MAX_DESIRED_BYTES = IotHubRules.MAX_DESIRED_BYTES;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]*[A-Za-z0-9-]");
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

    /** A blank device ID is fine: the registration ID is used. Otherwise IoT Hub's rule applies. */
    public static Optional<String> deviceIdProblem(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            return Optional.empty();
        }
        return IotHubRules.deviceIdProblem(deviceId);
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
        return IotHubRules.parseTwinSection(text, what, maxBytes);
    }

    /** IoT Hub's twin rules, which the twin DPS writes must meet. */
    public static Optional<String> twinSectionProblem(ObjectNode section, String what, int maxBytes) {
        return IotHubRules.twinSectionProblem(section, what, maxBytes);
    }
}
