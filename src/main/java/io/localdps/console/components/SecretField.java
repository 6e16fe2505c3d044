package io.localdps.console.components;

import com.vaadin.flow.component.textfield.PasswordField;

/**
 * A key or connection string: masked until the admin presses the eye, with a copy button.
 * Read-only; secrets are edited only where they are created.
 */
public class SecretField extends PasswordField {

    public SecretField(String label, String value) {
        super(label);
        setReadOnly(true);
        setValue(value == null ? "" : value);
        setRevealButtonVisible(true);
        setWidthFull();
        setSuffixComponent(Copy.button(label.toLowerCase(), this::getValue));
    }
}
