package io.localdps.console.enrollment;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.console.components.FormSection;
import io.localdps.enrollment.Attestation;

import java.util.Map;
import java.util.Optional;

/** "Symmetric key settings": generated keys by default, or the admin's own (base64, 16–64 bytes). */
class SymmetricKeyFields extends FormLayout implements FormSection {

    private final Checkbox generate = new Checkbox("Generate symmetric keys automatically", true);
    private final PasswordField primaryKey = new PasswordField("Primary key");
    private final PasswordField secondaryKey = new PasswordField("Secondary key");

    SymmetricKeyFields() {
        for (PasswordField key : new PasswordField[]{primaryKey, secondaryKey}) {
            key.setWidthFull();
            key.setHelperText("Base64, 16 to 64 bytes.");
        }
        generate.addValueChangeListener(change -> showKeyFields());
        showKeyFields();
        setResponsiveSteps(new ResponsiveStep("0", 1));
        add(generate, primaryKey, secondaryKey);
    }

    private void showKeyFields() {
        primaryKey.setVisible(!generate.getValue());
        secondaryKey.setVisible(!generate.getValue());
    }

    Attestation attestation() {
        return generate.getValue() ? Attestation.symmetricKey(null, null)
                : Attestation.symmetricKey(primaryKey.getValue().trim(), secondaryKey.getValue().trim());
    }

    boolean generated() {
        return generate.getValue();
    }

    @Override
    public boolean validate() {
        if (generate.getValue()) {
            return true;
        }
        return check(primaryKey) & check(secondaryKey);
    }

    private static boolean check(PasswordField key) {
        Optional<String> problem = SymmetricKeys.problemWith(key.getValue());
        key.setErrorMessage(problem.orElse(null));
        key.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    @Override
    public Map<String, HasValidation> fieldsByName() {
        return Map.of("attestation.symmetricKey.primaryKey", primaryKey,
                "attestation.symmetricKey.secondaryKey", secondaryKey);
    }
}
