package io.localdps.enrollment;

import io.localdps.hub.LinkedHubService;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Checks the settings shared by individual enrollments and groups against the rules and against
 * the hubs that are linked now, and normalises them (a webhook is kept only for a custom policy).
 */
@Component
class SettingsValidator {

    static final String IOT_HUBS = "iotHubs";
    static final String WEBHOOK_URL = "customAllocation.webhookUrl";
    static final String API_VERSION = "customAllocation.apiVersion";
    static final String TAGS = "initialTwin.tags";
    static final String DESIRED = "initialTwin.desiredProperties";

    private final LinkedHubService linkedHubs;

    SettingsValidator(LinkedHubService linkedHubs) {
        this.linkedHubs = linkedHubs;
    }

    EnrollmentSettings validate(EnrollmentSettings settings, Map<String, String> errors) {
        Set<String> linked = linkedHubs.linkedHostNames();
        for (String host : settings.iotHubs().hostNames()) {
            if (!linked.contains(host)) {
                errors.put(IOT_HUBS, host + " is not a linked IoT hub. Link it first on the Linked IoT hubs page.");
                break;
            }
        }
        if (settings.allocationPolicy() == AllocationPolicy.STATIC && settings.iotHubs().hostNames().size() != 1) {
            errors.put(IOT_HUBS, "Static configuration assigns every device to exactly one IoT hub; select one hub ("
                    + settings.iotHubs().hostNames().size() + " selected).");
        }
        CustomAllocationDefinition webhook = settings.customAllocation();
        if (settings.allocationPolicy() == AllocationPolicy.CUSTOM) {
            EnrollmentRules.webhookUrlProblem(webhook == null ? null : webhook.webhookUrl())
                    .ifPresent(m -> errors.put(WEBHOOK_URL, m));
            EnrollmentRules.apiVersionProblem(webhook == null ? null : webhook.apiVersion())
                    .ifPresent(m -> errors.put(API_VERSION, m));
        } else {
            webhook = null;
        }
        EnrollmentRules.twinSectionProblem(settings.initialTwin().tags(), "device tags", EnrollmentRules.MAX_TAGS_BYTES)
                .ifPresent(m -> errors.put(TAGS, m));
        EnrollmentRules.twinSectionProblem(settings.initialTwin().desiredProperties(), "desired properties",
                EnrollmentRules.MAX_DESIRED_BYTES).ifPresent(m -> errors.put(DESIRED, m));
        return new EnrollmentSettings(settings.provisioningStatus(), settings.reprovisionPolicy(),
                settings.allocationPolicy(), settings.iotHubs(),
                webhook == null ? null : new CustomAllocationDefinition(webhook.webhookUrl().trim(), webhook.apiVersion().trim()),
                settings.iotEdge(), settings.initialTwin());
    }
}
