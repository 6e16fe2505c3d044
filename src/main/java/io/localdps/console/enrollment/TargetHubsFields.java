package io.localdps.console.enrollment;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.localdps.console.components.FormSection;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.EnrollmentRules;
import io.localdps.enrollment.TargetHubs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;

/** The "IoT hubs" tab: target hubs and allocation policy (portal.md §3.2, tab 2). */
class TargetHubsFields extends FormLayout implements FormSection {

    private final MultiSelectComboBox<String> hubs = new MultiSelectComboBox<>("Target IoT hubs");
    private final RadioButtonGroup<AllocationPolicy> policy = new RadioButtonGroup<>("Allocation policy");
    private final TextField webhookUrl = new TextField("Webhook URL");
    private final TextField apiVersion = new TextField("API version");

    TargetHubsFields(Collection<String> linkedHubs) {
        hubs.setItems(linkedHubs);
        hubs.setValue(new LinkedHashSet<>(linkedHubs));
        hubs.setHelperText(linkedHubs.isEmpty()
                ? "No IoT hubs are linked yet: devices can only be assigned once a hub is linked."
                : "Unselect all to use every linked hub, including hubs linked later.");
        hubs.setWidthFull();
        hubs.setClearButtonVisible(true);
        policy.setItems(AllocationPolicy.values());
        policy.setItemLabelGenerator(AllocationPolicy::label);
        policy.setValue(AllocationPolicy.HASHED);
        policy.addValueChangeListener(change -> showWebhookFields());
        webhookUrl.setPlaceholder("https://alloc.example.com/api/allocate?code=...");
        webhookUrl.setWidthFull();
        apiVersion.setValue(CustomAllocationDefinition.DEFAULT_API_VERSION);
        showWebhookFields();

        Anchor linkHub = new Anchor("linked-hubs", "Add link to IoT hub");
        linkHub.setTarget("_blank");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        add(hubs, linkHub, policy, webhookUrl, apiVersion);
    }

    private void showWebhookFields() {
        boolean custom = policy.getValue() == AllocationPolicy.CUSTOM;
        webhookUrl.setVisible(custom);
        apiVersion.setVisible(custom);
    }

    void show(TargetHubs targets, AllocationPolicy allocation, CustomAllocationDefinition webhook) {
        hubs.setValue(new LinkedHashSet<>(targets.hostNames()));
        policy.setValue(allocation);
        if (webhook != null) {
            webhookUrl.setValue(webhook.webhookUrl());
            apiVersion.setValue(webhook.apiVersion());
        }
    }

    TargetHubs targetHubs() {
        return new TargetHubs(new ArrayList<>(hubs.getValue()));
    }

    AllocationPolicy allocationPolicy() {
        return policy.getValue();
    }

    CustomAllocationDefinition webhook() {
        return policy.getValue() == AllocationPolicy.CUSTOM
                ? new CustomAllocationDefinition(webhookUrl.getValue().trim(), apiVersion.getValue().trim()) : null;
    }

    @Override
    public boolean validate() {
        boolean ok = true;
        hubs.setInvalid(false);
        if (policy.getValue() == AllocationPolicy.STATIC && hubs.getValue().size() != 1) {
            hubs.setErrorMessage("Static configuration needs exactly one IoT hub; " + hubs.getValue().size() + " are selected.");
            hubs.setInvalid(true);
            ok = false;
        }
        if (policy.getValue() == AllocationPolicy.CUSTOM) {
            ok &= check(webhookUrl, EnrollmentRules.webhookUrlProblem(webhookUrl.getValue()).orElse(null));
            ok &= check(apiVersion, EnrollmentRules.apiVersionProblem(apiVersion.getValue()).orElse(null));
        }
        return ok;
    }

    private static boolean check(TextField field, String problem) {
        field.setErrorMessage(problem);
        field.setInvalid(problem != null);
        return problem == null;
    }

    @Override
    public Map<String, HasValidation> fieldsByName() {
        return Map.of("iotHubs", hubs, "allocationPolicy", policy,
                "customAllocation.webhookUrl", webhookUrl, "customAllocation.apiVersion", apiVersion);
    }
}
