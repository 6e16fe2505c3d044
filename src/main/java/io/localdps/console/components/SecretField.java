package io.localdps.console.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A key or connection string: masked until the admin presses Show, with a copy button. The
 * secret is not even sent to the browser until it is shown or copied. Read-only: secrets are
 * entered only where they are created.
 */
public class SecretField extends TextField {

    private static final String MASK = "•".repeat(24);

    private final String secret;
    private final Button toggle = new Button(VaadinIcon.EYE.create());
    private boolean revealed;

    public SecretField(String label, String secret) {
        super(label);
        this.secret = secret == null ? "" : secret;
        setReadOnly(true);
        setWidthFull();
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        toggle.addClickListener(click -> setRevealed(!revealed));
        HorizontalLayout actions = new HorizontalLayout(toggle, Copy.button(label.toLowerCase(), () -> this.secret));
        actions.setSpacing(false);
        setSuffixComponent(actions);
        setRevealed(false);
    }

    private void setRevealed(boolean reveal) {
        revealed = reveal;
        setValue(reveal ? secret : (secret.isEmpty() ? "" : MASK));
        toggle.setIcon(reveal ? VaadinIcon.EYE_SLASH.create() : VaadinIcon.EYE.create());
        String action = (reveal ? "Hide " : "Show ") + getLabel().toLowerCase();
        toggle.setAriaLabel(action);
        toggle.setTooltipText(action);
    }
}
