package io.localdps.console.enrollment;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.certificate.CaCertificateDirectory;
import io.localdps.common.InvalidInputException;
import io.localdps.console.components.Notifications;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.hub.LinkedHub;
import io.localdps.hub.LinkedHubService;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

import java.util.ArrayList;
import java.util.List;

/** "Add enrollment group" (portal.md §3.2). */
@Route("enrollments/groups/new")
@PageTitle("Add enrollment group | LocalDPS")
@PermitAll
public class EnrollmentGroupWizardView extends VerticalLayout {

    private final EnrollmentGroupService groups;
    private final GroupRegistrationTab registration;
    private final TargetHubsFields hubs;
    private final DeviceSettingsFields device = new DeviceSettingsFields();
    private final EnrollmentWizard wizard;

    public EnrollmentGroupWizardView(EnrollmentGroupService groups, LinkedHubService linkedHubs,
                                     ObjectProvider<CaCertificateDirectory> caCertificates) {
        this.groups = groups;
        CaCertificateDirectory directory = caCertificates.getIfAvailable();
        this.registration = new GroupRegistrationTab(directory == null ? List.of() : directory.verifiedCertificateNames());
        this.hubs = new TargetHubsFields(linkedHubs.all().stream().map(LinkedHub::hostName).toList());
        this.wizard = new EnrollmentWizard(registration, hubs, device, this::review, this::create,
                () -> getUI().ifPresent(ui -> ui.navigate(EnrollmentsView.class)));
        addClassName("dps-page");
        setSizeFull();
        add(new H2("Add enrollment group"), wizard);
    }

    private List<EnrollmentWizard.ReviewRow> review() {
        List<EnrollmentWizard.ReviewRow> rows = new ArrayList<>();
        rows.add(SettingsSummary.row("Group name", registration.groupName()));
        GroupRegistrationTab.Mechanism mechanism = registration.mechanism();
        rows.add(SettingsSummary.row("Attestation", mechanism == null ? "Not chosen" : mechanism.label));
        if (mechanism == GroupRegistrationTab.Mechanism.SYMMETRIC_KEY) {
            rows.add(SettingsSummary.keys(registration.generatesKeys()));
        }
        rows.addAll(SettingsSummary.rows(registration.provisioning(), hubs, device));
        return rows;
    }

    private void create() {
        EnrollmentSettings settings = EnrollmentSettingsEditor.read(registration.provisioning(), hubs, device);
        try {
            EnrollmentGroup created = groups.create(registration.groupName(), registration.attestation(), settings);
            Notifications.success("Created enrollment group " + created.enrollmentGroupId());
            getUI().ifPresent(ui -> ui.navigate(EnrollmentGroupDetailsView.class, created.enrollmentGroupId()));
        } catch (InvalidInputException e) {
            wizard.showErrors(e.fieldErrors());
        }
    }
}
