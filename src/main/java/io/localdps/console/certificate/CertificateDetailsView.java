package io.localdps.console.certificate;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateService;
import io.localdps.certificate.CertificateInUseException;
import io.localdps.common.InvalidInputException;
import io.localdps.common.NotFoundException;
import io.localdps.common.StaleVersionException;
import io.localdps.console.components.CertificateField;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.Copy;
import io.localdps.console.components.FieldRules;
import io.localdps.console.components.Notifications;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One CA certificate (portal.md §4.3): its facts, the proof of possession, delete. */
@Route("certificates")
@PageTitle("Certificate | LocalDPS")
@PermitAll
public class CertificateDetailsView extends VerticalLayout implements HasUrlParameter<String> {

    private final CaCertificateService certificates;
    private CaCertificate certificate;
    private TextField code;
    private CertificateField verificationFile;

    public CertificateDetailsView(CaCertificateService certificates) {
        this.certificates = certificates;
        addClassName("dps-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String name) {
        Optional<CaCertificate> found = certificates.find(name);
        if (found.isEmpty()) {
            Notifications.error("There is no CA certificate named " + name + ".");
            event.forwardTo(CertificatesView.class);
            return;
        }
        certificate = found.get();
        render();
    }

    private void render() {
        removeAll();
        Button back = new Button("Certificates", VaadinIcon.ARROW_LEFT.create(), click -> toList());
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> reload());
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), click -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout title = new HorizontalLayout(new H2(certificate.name()), CertificatesView.status(certificate));
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        add(back, title, new HorizontalLayout(refresh, delete), new CertificateFacts(certificate));
        if (!certificate.verified()) {
            add(proofOfPossession());
        }
    }

    private VerticalLayout proofOfPossession() {
        Paragraph how = new Paragraph("Prove that you hold this CA's private key: generate a code, create a certificate "
                + "with the code as its subject common name (CN) signed with the CA's key, upload it and verify.");
        how.addClassName("dps-note");
        code = new TextField("Verification code");
        code.setReadOnly(true);
        code.setWidth("34em");
        code.setValue(certificate.verificationCode() == null ? "" : certificate.verificationCode());
        code.setSuffixComponent(Copy.button("verification code", code::getValue));
        Button generate = new Button("Generate verification code", click -> generate());
        HorizontalLayout codeRow = new HorizontalLayout(code, generate);
        codeRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        verificationFile = new CertificateField("Verification certificate .pem or .cer file", true);
        Button verify = new Button("Verify", VaadinIcon.CHECK.create(), click -> verify());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout section = new VerticalLayout(new H3("Proof of possession"), how, codeRow, verificationFile, verify);
        section.setPadding(false);
        return section;
    }

    private void generate() {
        try {
            certificate = certificates.generateVerificationCode(certificate.name(), certificate.version());
            code.setValue(certificate.verificationCode());
            code.setInvalid(false);
            Notifications.success("Generated a new verification code; any earlier code no longer works.");
        } catch (InvalidInputException | StaleVersionException | NotFoundException e) {
            Notifications.error(e instanceof InvalidInputException invalid
                    ? String.join(" ", invalid.fieldErrors().values()) : e.getMessage());
        }
    }

    private void verify() {
        if (!verificationFile.validate()) {
            return;
        }
        try {
            certificate = certificates.verify(certificate.name(), certificate.version(), verificationFile.getValue());
            Notifications.success("Certificate " + certificate.name() + " is verified.");
            render();
        } catch (InvalidInputException e) {
            String unplaced = FieldRules.showAtFields(e.fieldErrors(), Map.<String, HasValidation>of(
                    CaCertificateService.CERTIFICATE, verificationFile, CaCertificateService.VERIFICATION_CODE, code));
            if (!unplaced.isEmpty()) {
                Notifications.error(unplaced);
            }
        } catch (StaleVersionException | NotFoundException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void confirmDelete() {
        List<String> referencing = certificates.referencesTo(certificate.name(), 20);
        if (!referencing.isEmpty()) {
            Notifications.error("The certificate " + certificate.name() + " cannot be deleted while enrollments "
                    + "reference it: " + String.join(", ", referencing) + ". Change or delete them first.");
            return;
        }
        ConfirmDelete.open("Delete certificate", "Delete the CA certificate " + certificate.name() + "?", List.of(),
                "Enrollment groups can no longer be created on it.", () -> {
                    try {
                        certificates.delete(certificate.name(), certificate.version());
                        Notifications.success("Deleted certificate " + certificate.name());
                        toList();
                    } catch (CertificateInUseException | StaleVersionException | NotFoundException e) {
                        Notifications.error(e.getMessage());
                    }
                });
    }

    private void reload() {
        certificates.find(certificate.name()).ifPresentOrElse(found -> {
            certificate = found;
            render();
        }, this::toList);
    }

    private void toList() {
        getUI().ifPresent(ui -> ui.navigate(CertificatesView.class));
    }

    /** The certificate's facts as a definition list. */
    static final class CertificateFacts extends DescriptionList {

        CertificateFacts(CaCertificate certificate) {
            addClassName("dps-review");
            fact("Subject", certificate.subject());
            fact("Issuer", certificate.issuer());
            fact("Thumbprint (SHA-1)", certificate.sha1Thumbprint());
            fact("Thumbprint (SHA-256)", certificate.sha256Thumbprint());
            fact("Valid from", CertificatesView.DATE.format(certificate.notBefore()));
            fact("Expiry", CertificatesView.DATE.format(certificate.notAfter()));
            fact("Key", certificate.keyAlgorithm() + (certificate.keySize() > 0 ? " " + certificate.keySize() + " bits" : ""));
            fact("Certificate authority", certificate.certificateAuthority() ? "Yes (basic constraint CA=true)" : "No");
            fact("Status", certificate.verified() ? "Verified" : "Unverified");
            fact("Created", CertificatesView.DATE.format(certificate.created()));
            fact("Updated", CertificatesView.DATE.format(certificate.updated()));
        }

        private void fact(String term, String value) {
            add(new Term(term), new Description(value));
        }
    }
}
