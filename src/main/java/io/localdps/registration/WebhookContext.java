package io.localdps.registration;

import io.localdps.common.Json;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The parts of a custom-allocation request DPS fills in (service-api.md §8.2): the enrollment
 * with its attestation reduced to the type, and the device's runtime context.
 */
final class WebhookContext {

    private WebhookContext() {
    }

    static ObjectNode enrollment(IndividualEnrollment individual, EnrollmentGroup group) {
        ObjectNode node = Json.emptyObject();
        EnrollmentSettings settings;
        if (individual != null) {
            node.put("registrationId", individual.registrationId());
            if (individual.deviceId() != null) {
                node.put("deviceId", individual.deviceId());
            }
            node.putObject("attestation").put("type", typeName(individual.attestationType()));
            settings = individual.settings();
            common(node, settings, individual.etag(), individual.created(), individual.updated());
        } else {
            node.put("enrollmentGroupId", group.enrollmentGroupId());
            node.putObject("attestation").put("type", typeName(group.attestationType()));
            settings = group.settings();
            common(node, settings, group.etag(), group.created(), group.updated());
        }
        return node;
    }

    private static void common(ObjectNode node, EnrollmentSettings settings, String etag, Instant created, Instant updated) {
        node.putObject("capabilities").put("iotEdge", settings.iotEdge());
        node.put("etag", etag);
        node.put("provisioningStatus", settings.enabled() ? "enabled" : "disabled");
        if (settings.reprovisionPolicy() != null) {
            node.putObject("reprovisionPolicy")
                    .put("updateHubAssignment", settings.reprovisionPolicy().updateHubAssignment())
                    .put("migrateDeviceData", settings.reprovisionPolicy().migrateDeviceData());
        }
        node.put("createdDateTimeUtc", Timestamps.format(created));
        node.put("lastUpdatedDateTimeUtc", Timestamps.format(updated));
        if (settings.allocationPolicy() != null) {
            node.put("allocationPolicy", settings.allocationPolicy().apiName());
        }
        var hubs = node.putArray("iotHubs");
        settings.iotHubs().hostNames().forEach(hubs::add);
        if (settings.customAllocation() != null) {
            node.putObject("customAllocationDefinition")
                    .put("webhookUrl", settings.customAllocation().webhookUrl())
                    .put("apiVersion", settings.customAllocation().apiVersion());
        }
        ObjectNode twin = node.putObject("initialTwin");
        twin.set("tags", settings.initialTwin().tags());
        twin.putObject("properties").set("desired", settings.initialTwin().desiredProperties());
    }

    static ObjectNode runtimeContext(OperationWork work, RegistrationRecord record) {
        ObjectNode context = Json.emptyObject();
        context.put("registrationId", work.registrationId());
        if (record != null && record.wasAssigned()) {
            context.put("currentIotHubHostName", record.assignedHub());
            context.put("currentDeviceId", record.deviceId());
        }
        switch (work.attestationType()) {
            case SYMMETRIC_KEY -> context.putObject("symmetricKey");
            case X509 -> context.putObject("x509").put("sha1Thumbprint", work.leafSha1Thumbprint());
            case TPM -> context.putObject("tpm").put("endorsementKey", work.endorsementKey())
                    .put("storageRootKey", work.storageRootKey());
        }
        if (work.payload() != null) {
            context.set("payload", work.payload());
        }
        return context;
    }

    static String typeName(io.localdps.enrollment.AttestationType type) {
        return switch (type) {
            case SYMMETRIC_KEY -> "symmetricKey";
            case X509 -> "x509";
            case TPM -> "tpm";
        };
    }
}
