package io.localdps.console.hub;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.localdps.console.components.FieldRules;
import io.localdps.hub.LinkedHub;
import io.localdps.hub.LinkedHubRules;
import io.localdps.hub.LinkedHubSettings;

import java.util.Map;

/** The fields of one linked hub. Emits a {@link SaveEvent} with valid values; the view saves them. */
class LinkedHubForm extends FormLayout {

    private final TextField hostName = new TextField("IoT hub host name");
    private final IntegerField allocationWeight = new IntegerField("Allocation weight");
    private final Checkbox applyAllocationPolicy = new Checkbox("Apply allocation policy");
    private final TextField location = new TextField("Location (region)");
    private final Binder<Draft> binder = new Binder<>();

    LinkedHubForm(LinkedHub existing) {
        hostName.setPlaceholder("hub-west.azure-devices.net");
        hostName.setHelperText("The hub's host name; devices assigned to it connect there.");
        hostName.setRequiredIndicatorVisible(true);
        allocationWeight.setStepButtonsVisible(true);
        allocationWeight.setHelperText("1 to 1000: a hub's share of evenly weighted distribution.");
        applyAllocationPolicy.setTooltipText("When off, only a static configuration can assign devices to this hub.");
        location.setPlaceholder("westeurope");
        location.setHelperText("Used by the lowest-latency policy.");

        binder.forField(hostName).withValidator(FieldRules.of(LinkedHubRules::hostNameProblem))
                .bind(Draft::getHostName, Draft::setHostName);
        binder.forField(allocationWeight).withValidator(FieldRules.of(LinkedHubRules::weightProblem))
                .bind(Draft::getWeight, Draft::setWeight);
        binder.forField(applyAllocationPolicy).bind(Draft::isApply, Draft::setApply);
        binder.forField(location).withValidator(FieldRules.of(LinkedHubRules::locationProblem))
                .bind(Draft::getLocation, Draft::setLocation);

        Draft draft = new Draft();
        if (existing != null) {
            draft.setHostName(existing.hostName());
            draft.setWeight(existing.allocationWeight());
            draft.setApply(existing.applyAllocationPolicy());
            draft.setLocation(existing.location() == null ? "" : existing.location());
            hostName.setReadOnly(true);
        }
        binder.setBean(draft);
        add(hostName, allocationWeight, applyAllocationPolicy, location);
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    /** Validates and, when everything is valid, fires a save event. */
    void save() {
        if (binder.validate().isOk()) {
            Draft draft = binder.getBean();
            fireEvent(new SaveEvent(this, draft.getHostName().trim(),
                    new LinkedHubSettings(draft.getWeight(), draft.isApply(), draft.getLocation())));
        }
    }

    void showErrors(Map<String, String> errors) {
        FieldRules.showAtFields(errors, Map.<String, HasValidation>of(
                "hostName", hostName, "allocationWeight", allocationWeight, "location", location));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<LinkedHubForm> {
        private final String hostName;
        private final LinkedHubSettings settings;

        SaveEvent(LinkedHubForm source, String hostName, LinkedHubSettings settings) {
            super(source, false);
            this.hostName = hostName;
            this.settings = settings;
        }

        String hostName() {
            return hostName;
        }

        LinkedHubSettings settings() {
            return settings;
        }
    }

    /** Mutable holder the binder edits. */
    static final class Draft {
        private String hostName = "";
        private Integer weight = LinkedHub.DEFAULT_WEIGHT;
        private boolean apply = true;
        private String location = "";

        String getHostName() { return hostName; }
        void setHostName(String hostName) { this.hostName = hostName; }
        Integer getWeight() { return weight; }
        void setWeight(Integer weight) { this.weight = weight; }
        boolean isApply() { return apply; }
        void setApply(boolean apply) { this.apply = apply; }
        String getLocation() { return location; }
        void setLocation(String location) { this.location = location; }
    }
}
