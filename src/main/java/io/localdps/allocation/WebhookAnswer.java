package io.localdps.allocation;

import io.localdps.common.Json;
import io.localdps.enrollment.EnrollmentRules;
import io.localdps.enrollment.InitialTwin;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.localdps.allocation.AllocationErrorCodes.CUSTOM_ALLOCATION_FAILED;
import static io.localdps.allocation.AllocationErrorCodes.CUSTOM_ALLOCATION_IOT_HUB_NOT_SPECIFIED;
import static io.localdps.allocation.AllocationErrorCodes.CUSTOM_ALLOCATION_UNAUTHORIZED_ACCESS;

/**
 * Turns the webhook's final answer into a decision, per the error table of service-api.md §8.4.
 * Statuses of 429 and above never get here: the client retries them.
 */
final class WebhookAnswer {

    private static final String FAILED = "Custom allocation failed: ";

    private WebhookAnswer() {
    }

    static AllocationDecision interpret(int status, byte[] body, List<String> linkedHubs) {
        if (status == 401) {
            return new AllocationDecision.Failed(CUSTOM_ALLOCATION_UNAUTHORIZED_ACCESS,
                    "Custom allocation failed: the webhook refused DPS with status code 401 (unauthorized).");
        }
        if (status != 200) {
            return failedWithStatus(status);
        }
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return failed("the webhook's answer is not valid JSON.");
        }
        if (answer == null || answer.isMissingNode()) {
            return failed("the webhook answered with an empty body.");
        }
        if (!answer.isObject()) {
            return failed("the webhook's answer must be a JSON object with iotHubHostName, not " + describe(answer) + ".");
        }
        return interpret((ObjectNode) answer, linkedHubs);
    }

    static AllocationDecision.Failed failedWithStatus(int status) {
        return new AllocationDecision.Failed(CUSTOM_ALLOCATION_FAILED, "Custom allocation failed with status code: " + status);
    }

    private static AllocationDecision interpret(ObjectNode answer, List<String> linkedHubs) {
        JsonNode hostNode = answer.get("iotHubHostName");
        if (hostNode == null || hostNode.isNull() || (hostNode.isString() && hostNode.asString().isBlank())) {
            return new AllocationDecision.Failed(CUSTOM_ALLOCATION_IOT_HUB_NOT_SPECIFIED,
                    "Custom allocation failed: the webhook did not specify an IoT hub (iotHubHostName is missing or empty).");
        }
        if (!hostNode.isString()) {
            return failed("the webhook's iotHubHostName must be a string, not " + describe(hostNode) + ".");
        }
        String chosen = hostNode.asString().trim();
        Optional<String> linked = linkedHubs.stream().filter(hub -> hub.equalsIgnoreCase(chosen)).findFirst();
        if (linked.isEmpty()) {
            return failed("the webhook chose IoT hub \"" + chosen + "\", which is not one of the linked hubs offered to it ("
                    + String.join(", ", linkedHubs) + ").");
        }
        JsonNode payload = answer.get("payload");
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            // Devices would get it in registrationState.payload, and the Java device SDK fails on anything but an object.
            return failed("the webhook's payload must be a JSON object, not " + describe(payload) + ".");
        }
        TwinOrProblem twin = initialTwin(answer.get("initialTwin"));
        if (twin.problem() != null) {
            return failed("the webhook's initialTwin is unusable: " + twin.problem());
        }
        return new AllocationDecision.Assigned(linked.get().toLowerCase(Locale.ROOT), twin.twin(),
                payload == null || payload.isNull() ? null : (ObjectNode) payload);
    }

    /** A null twin means "none returned": the enrollment's twin applies (service-api.md §8.3). */
    private static TwinOrProblem initialTwin(JsonNode node) {
        if (node == null || node.isNull()) {
            return new TwinOrProblem(null, null);
        }
        if (!node.isObject()) {
            return new TwinOrProblem(null, "it must be a JSON object, not " + describe(node) + ".");
        }
        JsonNode properties = node.get("properties");
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            return new TwinOrProblem(null, "properties must be a JSON object, not " + describe(properties) + ".");
        }
        SectionOrProblem tags = section(node.get("tags"), "tags", EnrollmentRules.MAX_TAGS_BYTES);
        SectionOrProblem desired = section(properties == null ? null : properties.get("desired"),
                "desired properties", EnrollmentRules.MAX_DESIRED_BYTES);
        String problem = tags.problem() != null ? tags.problem() : desired.problem();
        return problem != null ? new TwinOrProblem(null, problem) : new TwinOrProblem(new InitialTwin(tags.section(), desired.section()), null);
    }

    private static SectionOrProblem section(JsonNode node, String what, int maxBytes) {
        if (node == null || node.isNull()) {
            return new SectionOrProblem(null, null);
        }
        if (!node.isObject()) {
            return new SectionOrProblem(null, capitalise(what) + " must be a JSON object, not " + describe(node) + ".");
        }
        ObjectNode section = ((ObjectNode) node).deepCopy();
        // Twins built with IoT SDK types (e.g. TwinCollection) carry these; IoT Hub sets them itself (service-api.md §3.5).
        section.remove(List.of("$metadata", "$version"));
        return EnrollmentRules.twinSectionProblem(section, what, maxBytes)
                .map(problem -> new SectionOrProblem(null, problem))
                .orElse(new SectionOrProblem(section, null));
    }

    private static AllocationDecision.Failed failed(String reason) {
        return new AllocationDecision.Failed(CUSTOM_ALLOCATION_FAILED, FAILED + reason);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private record TwinOrProblem(InitialTwin twin, String problem) {
    }

    private record SectionOrProblem(ObjectNode section, String problem) {
    }
}
