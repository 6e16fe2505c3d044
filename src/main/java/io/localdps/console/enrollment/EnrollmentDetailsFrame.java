package io.localdps.console.enrollment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The common layout of the two enrollment details pages: title, toolbar, credentials, settings. */
final class EnrollmentDetailsFrame {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private EnrollmentDetailsFrame() {
    }

    static HorizontalLayout toolbar(Runnable save, Runnable reload, Runnable delete, Runnable back) {
        Button saveButton = new Button("Save", VaadinIcon.CHECK.create(), click -> save.run());
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reloadButton = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> reload.run());
        Button deleteButton = new Button("Delete", VaadinIcon.TRASH.create(), click -> delete.run());
        deleteButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button backButton = new Button("Back to enrollments", VaadinIcon.ARROW_LEFT.create(), click -> back.run());
        backButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(saveButton, reloadButton, deleteButton, backButton);
    }

    static void fill(VerticalLayout page, String title, HorizontalLayout toolbar, Component identity,
                     Component credentials, Instant created, Instant updated, EnrollmentSettingsEditor editor) {
        page.removeAll();
        DescriptionList times = new DescriptionList();
        times.addClassName("dps-review");
        times.add(new DescriptionList.Term("Created"), new DescriptionList.Description(TIMESTAMP.format(created)));
        times.add(new DescriptionList.Term("Last updated"), new DescriptionList.Description(TIMESTAMP.format(updated)));
        page.add(new H2(title), toolbar, identity, new H3("Registration + provisioning"), credentials, times, editor);
    }
}
