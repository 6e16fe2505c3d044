package io.localdps.console;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.localdps.console.accesspolicy.SharedAccessPoliciesView;
import io.localdps.console.audit.AuditLogView;
import io.localdps.console.certificate.CertificatesView;
import io.localdps.console.lab.CertificateLabView;
import io.localdps.console.networking.NetworkingView;
import io.localdps.console.enrollment.EnrollmentsView;
import io.localdps.console.hub.HubDevicesView;
import io.localdps.console.hub.LinkedHubsView;
import io.localdps.console.overview.OverviewView;
import io.localdps.console.registration.RegistrationRecordsView;
import io.localdps.console.simulator.SimulatorView;
import jakarta.annotation.security.PermitAll;

/** The frame of every console page: the DPS menu on the left, as in the portal. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        H1 title = new H1("LocalDPS");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Span user = new Span(authentication.getPrincipalName().orElse(""));
        Button logout = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Overview", OverviewView.class, VaadinIcon.DASHBOARD.create()));
        SideNav settings = new SideNav("Settings");
        settings.addItem(new SideNavItem("Manage enrollments", EnrollmentsView.class, VaadinIcon.LIST.create()));
        settings.addItem(new SideNavItem("Registration records", RegistrationRecordsView.class, VaadinIcon.RECORDS.create()));
        SideNavItem certificates = new SideNavItem("Certificates", CertificatesView.class, VaadinIcon.DIPLOMA.create());
        certificates.setMatchNested(true);
        settings.addItem(certificates);
        settings.addItem(new SideNavItem("Certificate lab", CertificateLabView.class, VaadinIcon.FLASK.create()));
        settings.addItem(new SideNavItem("Linked IoT hubs", LinkedHubsView.class, VaadinIcon.CLUSTER.create()));
        settings.addItem(new SideNavItem("Shared access policies", SharedAccessPoliciesView.class, VaadinIcon.KEY.create()));
        settings.addItem(new SideNavItem("Networking", NetworkingView.class, VaadinIcon.SHIELD.create()));
        settings.addItem(new SideNavItem("Audit log", AuditLogView.class, VaadinIcon.TIME_BACKWARD.create()));
        SideNav simulated = new SideNav("Simulated IoT hubs");
        SideNavItem devices = new SideNavItem("Hub devices", HubDevicesView.class, VaadinIcon.CUBES.create());
        devices.setMatchNested(true);
        simulated.addItem(devices);
        simulated.addItem(new SideNavItem("Simulator", SimulatorView.class, VaadinIcon.AUTOMATION.create()));
        addToDrawer(nav, settings, simulated);
        setPrimarySection(Section.DRAWER);
    }
}
