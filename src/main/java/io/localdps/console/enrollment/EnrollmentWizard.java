package io.localdps.console.enrollment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import io.localdps.console.components.FieldRules;
import io.localdps.console.components.FormSection;
import io.localdps.console.components.Notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The portal's tabbed add-enrollment wizard: Registration + provisioning → IoT hubs → Device
 * settings → Review + create. Each "Next" checks its tab; Create checks all of them, then hands
 * over to the view, which saves.
 */
class EnrollmentWizard extends VerticalLayout {

    private final TabSheet tabs = new TabSheet();
    private final Map<Tab, FormSection> sections = new LinkedHashMap<>();
    private final DescriptionList review = new DescriptionList();
    private final Supplier<List<ReviewRow>> reviewRows;
    private final Tab reviewTab;

    <T extends Component & FormSection> EnrollmentWizard(T registration, TargetHubsFields hubs, DeviceSettingsFields device,
                                                         Supplier<List<ReviewRow>> reviewRows, Runnable create, Runnable cancel) {
        this.reviewRows = reviewRows;
        setPadding(false);
        setSizeFull();
        addSection("Registration + provisioning", registration, "Next: IoT hubs", cancel);
        addSection("IoT hubs", hubs, "Next: Device settings", cancel);
        addSection("Device settings", device, "Next: Review + create", cancel);
        review.addClassName("dps-review");
        review.setId("review");
        Button createButton = new Button("Create", click -> {
            if (validateAll()) {
                create.run();
            }
        });
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reviewTab = tabs.add("Review + create", new VerticalLayout(review, buttons(createButton, cancel)));
        tabs.addSelectedChangeListener(change -> {
            if (change.getSelectedTab() == reviewTab) {
                refreshReview();
            }
        });
        tabs.setWidthFull();
        add(tabs);
    }

    private void addSection(String title, Component section, String nextLabel, Runnable cancel) {
        Button next = new Button(nextLabel);
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Tab tab = tabs.add(title, new VerticalLayout(section, buttons(next, cancel)));
        sections.put(tab, (FormSection) section);
        next.addClickListener(click -> {
            if (((FormSection) section).validate()) {
                tabs.setSelectedIndex(tabs.getIndexOf(tab) + 1);
            }
        });
    }

    private static HorizontalLayout buttons(Button primary, Runnable cancel) {
        return new HorizontalLayout(primary, new Button("Cancel", click -> cancel.run()));
    }

    private void refreshReview() {
        review.removeAll();
        for (ReviewRow row : reviewRows.get()) {
            review.add(new DescriptionList.Term(row.label()), new DescriptionList.Description(row.value()));
        }
    }

    private boolean validateAll() {
        for (Map.Entry<Tab, FormSection> entry : sections.entrySet()) {
            if (!entry.getValue().validate()) {
                tabs.setSelectedTab(entry.getKey());
                Notifications.error("Some fields need your attention: see the highlighted fields.");
                return false;
            }
        }
        return true;
    }

    /** Shows errors a save reported at their fields, on the first tab that has one. */
    void showErrors(Map<String, String> errors) {
        Tab firstWithError = null;
        StringBuilder elsewhere = new StringBuilder();
        for (Map.Entry<Tab, FormSection> entry : sections.entrySet()) {
            Map<String, HasValidation> fields = entry.getValue().fieldsByName();
            Map<String, String> here = new LinkedHashMap<>();
            errors.forEach((field, message) -> {
                if (fields.containsKey(field)) {
                    here.put(field, message);
                }
            });
            if (!here.isEmpty() && firstWithError == null) {
                firstWithError = entry.getKey();
            }
            FieldRules.showAtFields(here, fields);
        }
        errors.forEach((field, message) -> {
            boolean placed = sections.values().stream().anyMatch(s -> s.fieldsByName().containsKey(field));
            if (!placed) {
                elsewhere.append(message).append(' ');
            }
        });
        if (firstWithError != null) {
            tabs.setSelectedTab(firstWithError);
        }
        Notifications.error(elsewhere.isEmpty() ? "Not created: see the highlighted fields." : elsewhere.toString().trim());
    }

    /** One line of the Review + create summary. */
    record ReviewRow(String label, String value) {
    }
}
