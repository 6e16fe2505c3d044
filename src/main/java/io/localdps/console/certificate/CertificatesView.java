package io.localdps.console.certificate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateRules;
import io.localdps.certificate.CaCertificateService;
import io.localdps.common.PageRequest;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Certificates (portal.md §4.1): the CA certificates enrollment groups can trust. */
@Route("certificates")
@PageTitle("Certificates | LocalDPS")
@PermitAll
public class CertificatesView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Grid<CaCertificate> grid = new Grid<>();

    public CertificatesView(CaCertificateService certificates) {
        addClassName("dps-page");
        setSizeFull();

        Button add = new Button("Add", VaadinIcon.PLUS.create(), click -> new AddCertificateDialog(certificates, added -> {
            grid.getDataProvider().refreshAll();
            getUI().ifPresent(ui -> ui.navigate(CertificateDetailsView.class, added.name()));
        }).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> grid.getDataProvider().refreshAll());

        grid.setId("certificates-grid");
        grid.addColumn(CaCertificate::name).setHeader("Name").setKey("name").setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(CertificatesView::status).setHeader("Status").setKey("status").setSortable(true);
        grid.addColumn(CaCertificate::subject).setHeader("Subject").setKey("subject").setSortable(true).setFlexGrow(3);
        grid.addColumn(CaCertificate::sha1Thumbprint).setHeader("Thumbprint").setKey("thumbprint").setFlexGrow(3);
        grid.addColumn(c -> DATE.format(c.notAfter())).setHeader("Expiry").setKey("expiry").setSortable(true);
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            return certificates.page(new PageRequest(query.getOffset(), query.getLimit(),
                    order.map(o -> o.getSorted()).orElse(null),
                    order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true))).stream();
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(CertificateDetailsView.class, click.getItem().name())));
        grid.setEmptyStateText("No CA certificates yet. Add your root or intermediate CA, prove you hold its key, "
                + "then create X.509 enrollment groups on it.");

        Span limit = new Span("At most " + CaCertificateRules.MAX_CERTIFICATES + " certificates. Open one to verify or delete it.");
        limit.addClassName("dps-note");
        add(new H2("Certificates"), new HorizontalLayout(add, refresh), limit);
        addAndExpand(grid);
    }

    static Span status(CaCertificate certificate) {
        Span badge = new Span(certificate.verified() ? "Verified" : "Unverified");
        badge.getElement().getThemeList().add(certificate.verified() ? "badge success" : "badge contrast");
        return badge;
    }
}
