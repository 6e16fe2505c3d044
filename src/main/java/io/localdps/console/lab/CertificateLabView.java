package io.localdps.console.lab;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.certificate.CaCertificateService;
import io.localdps.common.PageRequest;
import io.localdps.lab.LabCertificate;
import io.localdps.lab.LabCertificateService;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The certificate lab (issue #4, item 5; no Azure service has it): test CAs and device
 * certificates made in the console, so trying X.509 attestation needs no openssl session.
 */
@Route("certificate-lab")
@PageTitle("Certificate lab | LocalDPS")
@PermitAll
public class CertificateLabView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Grid<LabCertificate> grid = new Grid<>();
    private final LabCertificateService lab;

    public CertificateLabView(LabCertificateService lab, CaCertificateService store) {
        this.lab = lab;
        addClassName("dps-page");
        setSizeFull();

        Button root = new Button("New root CA", VaadinIcon.PLUS.create(),
                click -> new GenerateCertificateDialog(lab, GenerateCertificateDialog.Mode.ROOT_CA, this::generated).open());
        root.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button intermediate = new Button("New intermediate CA", VaadinIcon.PLUS.create(),
                click -> new GenerateCertificateDialog(lab, GenerateCertificateDialog.Mode.INTERMEDIATE_CA, this::generated).open());
        Button device = new Button("New device certificate", VaadinIcon.PLUS.create(),
                click -> new GenerateCertificateDialog(lab, GenerateCertificateDialog.Mode.DEVICE, this::generated).open());
        Button verify = new Button("Verify a store CA", VaadinIcon.CHECK_CIRCLE.create(),
                click -> new VerifyStoreCaDialog(lab, store).open());

        grid.setId("lab-grid");
        grid.addColumn(LabCertificate::name).setHeader("Name").setKey("name").setSortable(true).setFlexGrow(2);
        grid.addColumn(c -> kind(c.kind())).setHeader("Kind").setKey("kind").setSortable(true);
        grid.addColumn(c -> c.keyAlgorithm().label()).setHeader("Key").setKey("key");
        grid.addColumn(c -> c.issuerName() == null ? "(self-signed)" : c.issuerName()).setHeader("Issued by").setKey("issuer").setFlexGrow(2);
        grid.addColumn(c -> DATE.format(c.notAfter())).setHeader("Expiry").setKey("expiry").setSortable(true);
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            return lab.page(new PageRequest(query.getOffset(), query.getLimit(),
                    order.map(o -> o.getSorted()).orElse(null),
                    order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true))).stream();
        });
        grid.addItemClickListener(click -> new LabCertificateDialog(lab, click.getItem(), this::refresh).open());
        grid.setEmptyStateText("No lab certificates yet. Start with a root CA, then issue device certificates under it.");

        Paragraph note = new Paragraph("Test certificates for trying X.509 attestation. Private keys are stored encrypted "
                + "and leave the lab only when you download them. Open a certificate to download it or to add a CA to the "
                + "DPS certificate store.");
        note.addClassName("dps-note");
        HorizontalLayout actions = new HorizontalLayout(root, intermediate, device, verify);
        actions.setWrap(true);
        add(new H2("Certificate lab"), note, actions);
        addAndExpand(grid);
    }

    /** The new certificate opens at once: downloading it is what the admin came for. */
    private void generated(LabCertificate certificate) {
        grid.getDataProvider().refreshAll();
        new LabCertificateDialog(lab, certificate, this::refresh).open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    static String kind(LabCertificate.Kind kind) {
        return switch (kind) {
            case ROOT_CA -> "Root CA";
            case INTERMEDIATE_CA -> "Intermediate CA";
            case DEVICE -> "Device";
        };
    }
}
