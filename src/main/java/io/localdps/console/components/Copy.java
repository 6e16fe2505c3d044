package io.localdps.console.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;

import java.util.function.Supplier;

/** Copy-to-clipboard buttons, as next to every ID and key in the portal. */
public final class Copy {

    private static final String COPY_SCRIPT = """
            const text = $0;
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText(text);
            }
            const area = document.createElement('textarea');
            area.value = text;
            document.body.appendChild(area);
            area.select();
            document.execCommand('copy');
            area.remove();
            """;

    private Copy() {
    }

    public static Button button(String what, Supplier<String> text) {
        Button button = new Button(VaadinIcon.COPY_O.create(), click -> copy(what, text.get()));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel("Copy " + what);
        button.setTooltipText("Copy to clipboard");
        return button;
    }

    public static void copy(String what, String text) {
        UI.getCurrent().getPage().executeJs(COPY_SCRIPT, text);
        Notification.show(capitalise(what) + " copied to clipboard", 2000, Notification.Position.BOTTOM_START);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
