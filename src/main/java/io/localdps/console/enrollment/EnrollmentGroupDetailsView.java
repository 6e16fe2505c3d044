package io.localdps.console.enrollment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.common.InvalidInputException;
import io.localdps.common.StaleVersionException;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.Notifications;
import io.localdps.console.components.SecretField;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.hub.LinkedHub;
import io.localdps.hub.LinkedHubService;
import io.localdps.console.registration.RegistrationRecordsGrid;
import io.localdps.registration.RegistrationRecordService;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Optional;

/** Details of one enrollment group (portal.md §3.4): credentials read-only, everything else editable. */
@Route("enrollments/groups")
@PageTitle("Enrollment group | LocalDPS")
@PermitAll
public class EnrollmentGroupDetailsView extends VerticalLayout implements HasUrlParameter<String> {

    private final EnrollmentGroupService groups;
    private final LinkedHubService linkedHubs;
    private final RegistrationRecordService records;
    private EnrollmentGroup group;
    private EnrollmentSettingsEditor editor;

    public EnrollmentGroupDetailsView(EnrollmentGroupService groups, LinkedHubService linkedHubs,
                                      RegistrationRecordService records) {
        this.groups = groups;
        this.records = records;
        this.linkedHubs = linkedHubs;
        addClassName("dps-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String enrollmentGroupId) {
        Optional<EnrollmentGroup> found = groups.find(enrollmentGroupId);
        if (found.isEmpty()) {
            Notifications.error("There is no enrollment group named " + enrollmentGroupId + ".");
            event.forwardTo(EnrollmentsView.class);
            return;
        }
        group = found.get();
        render();
    }

    private void render() {
        editor = new EnrollmentSettingsEditor(linkedHubs.all().stream().map(LinkedHub::hostName).toList(), group.settings());
        EnrollmentDetailsFrame.fill(this, group.enrollmentGroupId(),
                EnrollmentDetailsFrame.toolbar(this::save, this::reload, this::delete, this::back),
                new Div(), credentials(), group.created(), group.updated(), editor);
        RegistrationRecordsGrid groupRecords = new RegistrationRecordsGrid(records, group.enrollmentGroupId());
        groupRecords.setHeight("28rem");
        add(new H3("Registration records"), groupRecords);
    }

    private VerticalLayout credentials() {
        VerticalLayout credentials = new VerticalLayout(new AttestationDetails(group.attestation()));
        credentials.setPadding(false);
        if (group.attestation().symmetricKey() != null) {
            credentials.add(deviceKeyCalculator());
        }
        return credentials;
    }

    /** "Compute device key": what a device of this group must use as its key (security.md §1.3). */
    private VerticalLayout deviceKeyCalculator() {
        TextField registrationId = new TextField("Device registration ID");
        registrationId.setWidth("24em");
        Div result = new Div();
        result.setWidthFull();
        Button compute = new Button("Compute device key", click -> {
            try {
                var keys = groups.deviceKeys(group.enrollmentGroupId(), registrationId.getValue().trim());
                registrationId.setInvalid(false);
                result.removeAll();
                result.add(new SecretField("Derived primary key", keys.primaryKey()),
                        new SecretField("Derived secondary key", keys.secondaryKey()));
            } catch (InvalidInputException e) {
                registrationId.setErrorMessage(e.fieldErrors().values().iterator().next());
                registrationId.setInvalid(true);
            }
        });
        HorizontalLayout row = new HorizontalLayout(registrationId, compute);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout calculator = new VerticalLayout(new H3("Compute device key"), row, result);
        calculator.setPadding(false);
        return calculator;
    }

    private void save() {
        if (!editor.validate()) {
            Notifications.error("Not saved: see the highlighted fields.");
            return;
        }
        try {
            group = groups.update(group.enrollmentGroupId(), group.version(), editor.settings());
            Notifications.success("Saved enrollment group " + group.enrollmentGroupId());
            render();
        } catch (InvalidInputException e) {
            io.localdps.console.components.FieldRules.showAtFields(e.fieldErrors(), editor.fieldsByName());
            Notifications.error("Not saved: see the highlighted fields.");
        } catch (StaleVersionException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void reload() {
        group = groups.get(group.enrollmentGroupId());
        render();
    }

    private void delete() {
        ConfirmDelete.open("Delete enrollment group", "Delete the enrollment group " + group.enrollmentGroupId() + "?",
                List.of(), "The registration records of its devices are kept (they count toward the registration "
                        + "quota) and devices already provisioned stay in their IoT hubs.", () -> {
                    groups.delete(List.of(group.enrollmentGroupId()));
                    Notifications.success("Deleted enrollment group " + group.enrollmentGroupId());
                    back();
                });
    }

    private void back() {
        getUI().ifPresent(ui -> ui.navigate(EnrollmentsView.class));
    }
}
