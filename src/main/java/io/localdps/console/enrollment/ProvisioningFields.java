package io.localdps.console.enrollment;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.localdps.console.components.FormSection;
import io.localdps.enrollment.ProvisioningStatus;
import io.localdps.enrollment.ReprovisionPolicy;

import java.util.Map;

/** "Provisioning status" and "Reprovision policy" of the Registration + provisioning tab. */
class ProvisioningFields extends FormLayout implements FormSection {

    private final Checkbox enabled = new Checkbox("Enable this enrollment", true);
    private final RadioButtonGroup<ReprovisionPolicy> reprovision = new RadioButtonGroup<>("Reprovision policy");

    ProvisioningFields() {
        reprovision.setItems(ReprovisionPolicy.MIGRATE, ReprovisionPolicy.RESET, ReprovisionPolicy.NEVER);
        reprovision.setItemLabelGenerator(ReprovisionPolicy::label);
        reprovision.setValue(ReprovisionPolicy.MIGRATE);
        reprovision.setHelperText("What happens when an assigned device registers again.");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        add(enabled, reprovision);
    }

    void show(ProvisioningStatus status, ReprovisionPolicy policy) {
        enabled.setValue(status == ProvisioningStatus.ENABLED);
        reprovision.setValue(policy);
        if (policy == null) {
            reprovision.setHelperText("No policy is stored (set through the API): legacy devices keep their hub. "
                    + "Choosing one stores it.");
        }
    }

    ProvisioningStatus status() {
        return enabled.getValue() ? ProvisioningStatus.ENABLED : ProvisioningStatus.DISABLED;
    }

    ReprovisionPolicy policy() {
        return reprovision.getValue();
    }

    @Override
    public boolean validate() {
        return true;
    }

    @Override
    public Map<String, HasValidation> fieldsByName() {
        return Map.of("reprovisionPolicy", reprovision);
    }
}
