package io.localdps.console.enrollment;

import io.localdps.common.Json;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;

import java.util.ArrayList;
import java.util.List;

/** The Review + create lines for the settings shared by groups and individual enrollments. */
final class SettingsSummary {

    private SettingsSummary() {
    }

    static List<EnrollmentWizard.ReviewRow> rows(ProvisioningFields provisioning, TargetHubsFields hubs,
                                                 DeviceSettingsFields device) {
        List<EnrollmentWizard.ReviewRow> rows = new ArrayList<>();
        rows.add(row("Provisioning status", provisioning.status().label()));
        ReprovisionPolicy policy = provisioning.policy();
        rows.add(row("Reprovision policy", policy == null ? "None stored" : policy.label()));
        rows.add(row("Target IoT hubs", hubsText(hubs.targetHubs())));
        AllocationPolicy allocation = hubs.allocationPolicy();
        rows.add(row("Allocation policy", allocation == null ? "Instance default" : allocation.label()));
        CustomAllocationDefinition webhook = hubs.webhook();
        if (webhook != null) {
            rows.add(row("Webhook URL", webhook.webhookUrl()));
            rows.add(row("API version", webhook.apiVersion()));
        }
        rows.add(row("IoT Edge", device.iotEdge() ? "Enabled on provisioned devices" : "Disabled"));
        if (device.validate()) {
            rows.add(row("Device tags", Json.write(device.initialTwin().tags())));
            rows.add(row("Desired properties", Json.write(device.initialTwin().desiredProperties())));
        } else {
            rows.add(row("Device settings", "Invalid JSON: see the Device settings tab"));
        }
        return rows;
    }

    static String hubsText(TargetHubs hubs) {
        return hubs.followsAllLinkedHubs() ? "All linked IoT hubs" : String.join(", ", hubs.hostNames());
    }

    static EnrollmentWizard.ReviewRow row(String label, String value) {
        return new EnrollmentWizard.ReviewRow(label, value);
    }
}
