package io.localdps.console.enrollment;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/** Manage enrollments (portal.md §3.1): enrollment groups and individual enrollments. */
@Route("enrollments")
@PageTitle("Manage enrollments | LocalDPS")
@PermitAll
public class EnrollmentsView extends VerticalLayout implements BeforeEnterObserver {

    private final TabSheet tabs = new TabSheet();
    private final Tab individualTab;

    public EnrollmentsView(EnrollmentGroupService groups, IndividualEnrollmentService individuals) {
        addClassName("dps-page");
        setSizeFull();

        EnrollmentGrid<EnrollmentGroup> groupGrid = new EnrollmentGrid<>("enrollment-groups-grid", "enrollment group",
                EnrollmentGrid.addButton("Add enrollment group",
                        () -> getUI().ifPresent(ui -> ui.navigate(EnrollmentGroupWizardView.class))),
                new EnrollmentGrid.Data<>(groups::page, groups::count, groups::delete, EnrollmentGroup::enrollmentGroupId),
                List.of(AttestationType.SYMMETRIC_KEY, AttestationType.X509));
        var g = groupGrid.grid();
        g.addComponentColumn(group -> new RouterLink(group.enrollmentGroupId(), EnrollmentGroupDetailsView.class,
                group.enrollmentGroupId())).setHeader("Group name").setKey("enrollmentGroupId").setSortable(true).setFlexGrow(3);
        g.addColumn(group -> group.attestation().describe()).setHeader("Attestation type").setKey("attestationType").setSortable(true).setFlexGrow(2);
        g.addColumn(group -> EnrollmentGrid.status(group.settings().provisioningStatus())).setHeader("Status").setKey("status").setSortable(true);
        g.addColumn(group -> group.settings().allocationPolicy() == null ? "Instance default"
                : group.settings().allocationPolicy().label()).setHeader("Allocation policy");
        g.addColumn(group -> EnrollmentGrid.time(group.updated())).setHeader("Last updated").setKey("updated").setSortable(true);

        EnrollmentGrid<IndividualEnrollment> individualGrid = new EnrollmentGrid<>("individual-enrollments-grid",
                "individual enrollment",
                EnrollmentGrid.addButton("Add individual enrollment",
                        () -> getUI().ifPresent(ui -> ui.navigate(IndividualEnrollmentWizardView.class))),
                new EnrollmentGrid.Data<>(individuals::page, individuals::count, individuals::delete,
                        IndividualEnrollment::registrationId),
                EnrollmentGrid.allTypes());
        var i = individualGrid.grid();
        i.addComponentColumn(enrollment -> new RouterLink(enrollment.registrationId(), IndividualEnrollmentDetailsView.class,
                enrollment.registrationId())).setHeader("Registration ID").setKey("registrationId").setSortable(true).setFlexGrow(3);
        i.addColumn(IndividualEnrollment::effectiveDeviceId).setHeader("Device ID").setKey("deviceId").setSortable(true).setFlexGrow(2);
        i.addColumn(enrollment -> enrollment.attestation().describe()).setHeader("Attestation type").setKey("attestationType").setSortable(true);
        i.addColumn(enrollment -> EnrollmentGrid.status(enrollment.settings().provisioningStatus())).setHeader("Status").setKey("status").setSortable(true);
        i.addColumn(enrollment -> EnrollmentGrid.time(enrollment.updated())).setHeader("Last updated").setKey("updated").setSortable(true);

        tabs.add("Enrollment groups", groupGrid);
        individualTab = tabs.add("Individual enrollments", individualGrid);
        tabs.setSizeFull();
        add(new H2("Manage enrollments"));
        addAndExpand(tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean individual = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("tab", List.of()).contains("individual");
        if (individual) {
            tabs.setSelectedTab(individualTab);
        }
    }
}
