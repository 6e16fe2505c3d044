package io.localdps.allocation;

import io.localdps.common.Json;
import io.localdps.enrollment.CustomAllocationDefinition;
import tools.jackson.databind.node.ObjectNode;

/** The parts of a webhook request the registration worker builds, shaped like service-api.md §8.2's example. */
final class TestWebhookRequests {

    static final String TOASTERS = "toasters-hub.azure-devices.net";
    static final String HEATPUMPS = "heatpumps-hub.azure-devices.net";

    private TestWebhookRequests() {
    }

    static CustomAllocationContext forGroup(String webhookUrl) {
        return CustomAllocationContext.forEnrollmentGroup(definition(webhookUrl), group(webhookUrl), runtimeContext());
    }

    static CustomAllocationContext forIndividual(String webhookUrl) {
        return CustomAllocationContext.forIndividualEnrollment(definition(webhookUrl), individual(webhookUrl), runtimeContext());
    }

    static CustomAllocationDefinition definition(String webhookUrl) {
        return new CustomAllocationDefinition(webhookUrl, "2021-10-01");
    }

    static ObjectNode group(String webhookUrl) {
        return object("""
                {"enrollmentGroupId": "line3-devices", "attestation": {"type": "symmetricKey"},
                 "capabilities": {"iotEdge": false}, "provisioningStatus": "enabled", "allocationPolicy": "custom",
                 "iotHubs": ["toasters-hub.azure-devices.net", "heatpumps-hub.azure-devices.net"],
                 "customAllocationDefinition": {"webhookUrl": "%s", "apiVersion": "2021-10-01"}}""".formatted(webhookUrl));
    }

    static ObjectNode individual(String webhookUrl) {
        return object("""
                {"registrationId": "breakroom499-toaster-007", "attestation": {"type": "tpm"},
                 "allocationPolicy": "custom",
                 "customAllocationDefinition": {"webhookUrl": "%s", "apiVersion": "2021-10-01"}}""".formatted(webhookUrl));
    }

    static ObjectNode runtimeContext() {
        return object("""
                {"registrationId": "breakroom499-toaster-007", "currentIotHubHostName": "toasters-hub.azure-devices.net",
                 "currentDeviceId": "breakroom499-toaster-007", "symmetricKey": {}, "payload": {"model": "T-1000"}}""");
    }

    static ObjectNode object(String json) {
        return (ObjectNode) Json.mapper().readTree(json);
    }
}
