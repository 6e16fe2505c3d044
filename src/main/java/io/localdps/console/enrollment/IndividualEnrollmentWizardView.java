package io.localdps.console.enrollment;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.common.InvalidInputException;
import io.localdps.console.components.Notifications;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.hub.LinkedHub;
import io.localdps.hub.LinkedHubService;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;

/** "Add individual enrollment" (portal.md §3.3). */
@Route("enrollments/individual/new")
@PageTitle("Add individual enrollment | LocalDPS")
@PermitAll
public class IndividualEnrollmentWizardView extends VerticalLayout {

    private final IndividualEnrollmentService enrollments;
    private final IndividualRegistrationTab registration = new IndividualRegistrationTab();
    private final TargetHubsFields hubs;
    private final DeviceSettingsFields device = new DeviceSettingsFields();
    private final EnrollmentWizard wizard;

    public IndividualEnrollmentWizardView(IndividualEnrollmentService enrollments, LinkedHubService linkedHubs) {
        this.enrollments = enrollments;
        this.hubs = new TargetHubsFields(linkedHubs.all().stream().map(LinkedHub::hostName).toList());
        this.wizard = new EnrollmentWizard(registration, hubs, device, this::review, this::create,
                () -> getUI().ifPresent(ui -> ui.navigate(EnrollmentsView.class)));
        addClassName("dps-page");
        setSizeFull();
        add(new H2("Add individual enrollment"), wizard);
    }

    private List<EnrollmentWizard.ReviewRow> review() {
        List<EnrollmentWizard.ReviewRow> rows = new ArrayList<>();
        AttestationType mechanism = registration.mechanism();
        rows.add(SettingsSummary.row("Attestation mechanism", mechanism == null ? "Not chosen" : mechanism.label()));
        rows.add(SettingsSummary.row("Registration ID", registration.registrationId()));
        rows.add(SettingsSummary.row("IoT Hub Device ID", registration.deviceId().isEmpty()
                ? "Same as the registration ID" : registration.deviceId()));
        if (mechanism == AttestationType.SYMMETRIC_KEY) {
            rows.add(SettingsSummary.keys(registration.generatesKeys()));
        }
        rows.addAll(SettingsSummary.rows(registration.provisioning(), hubs, device));
        return rows;
    }

    private void create() {
        EnrollmentSettings settings = EnrollmentSettingsEditor.read(registration.provisioning(), hubs, device);
        try {
            IndividualEnrollment created = enrollments.create(registration.registrationId(), registration.deviceId(),
                    registration.attestation(), settings);
            Notifications.success("Created individual enrollment " + created.registrationId());
            getUI().ifPresent(ui -> ui.navigate(IndividualEnrollmentDetailsView.class, created.registrationId()));
        } catch (InvalidInputException e) {
            wizard.showErrors(e.fieldErrors());
        }
    }
}
