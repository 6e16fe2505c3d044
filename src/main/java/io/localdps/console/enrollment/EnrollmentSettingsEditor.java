package io.localdps.console.enrollment;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.localdps.console.components.FormSection;
import io.localdps.enrollment.EnrollmentSettings;

import java.util.HashMap;
import java.util.Map;

/** The editable part of an enrollment's details page: everything but identity and credentials. */
class EnrollmentSettingsEditor extends VerticalLayout implements FormSection {

    private final ProvisioningFields provisioning = new ProvisioningFields();
    private final TargetHubsFields hubs;
    private final DeviceSettingsFields device = new DeviceSettingsFields();

    EnrollmentSettingsEditor(java.util.Collection<String> linkedHubs, EnrollmentSettings settings) {
        this.hubs = new TargetHubsFields(linkedHubs);
        setPadding(false);
        provisioning.show(settings.provisioningStatus(), settings.reprovisionPolicy());
        hubs.show(settings.iotHubs(), settings.allocationPolicy(), settings.customAllocation());
        device.show(settings.iotEdge(), settings.initialTwin());
        add(provisioning, new H3("IoT hubs"), hubs, new H3("Device settings"), device);
    }

    /** Only after {@link #validate()} answered true. */
    EnrollmentSettings settings() {
        return read(provisioning, hubs, device);
    }

    /** The settings the three sections hold; only after they validated. Shared with the add wizards. */
    static EnrollmentSettings read(ProvisioningFields provisioning, TargetHubsFields hubs, DeviceSettingsFields device) {
        return new EnrollmentSettings(provisioning.status(), provisioning.policy(), hubs.allocationPolicy(),
                hubs.targetHubs(), hubs.webhook(), device.iotEdge(), device.initialTwin());
    }

    @Override
    public boolean validate() {
        return provisioning.validate() & hubs.validate() & device.validate();
    }

    @Override
    public Map<String, HasValidation> fieldsByName() {
        Map<String, HasValidation> fields = new HashMap<>(provisioning.fieldsByName());
        fields.putAll(hubs.fieldsByName());
        fields.putAll(device.fieldsByName());
        return fields;
    }
}
