package io.localdps.console.lab;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateRules;
import io.localdps.certificate.CaCertificateService;
import io.localdps.common.InvalidInputException;
import io.localdps.common.LimitExceededException;
import io.localdps.common.NotFoundException;
import io.localdps.common.StaleVersionException;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.FieldRules;
import io.localdps.console.components.Notifications;
import io.localdps.lab.LabCertificate;
import io.localdps.lab.LabCertificateService;
import io.localdps.lab.LabRules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One lab certificate: its facts, its files, and for a CA the way into the DPS certificate store.
 * The private key is decrypted only inside a download request the admin started; it is never put
 * on the page.
 */
class LabCertificateDialog extends Dialog {

    private final LabCertificateService lab;
    private final LabCertificate certificate;
    private final PasswordField password = new PasswordField("PKCS#12 password");
    private final PasswordField confirm = new PasswordField("Repeat the password");
    private final Div pkcs12Link = new Div();
    private final Runnable onDeleted;

    LabCertificateDialog(LabCertificateService lab, LabCertificate certificate, Runnable onDeleted) {
        super(certificate.name());
        this.lab = lab;
        this.onDeleted = onDeleted;
        this.certificate = certificate;
        setWidth("40rem");
        String file = certificate.name().replaceAll("[^A-Za-z0-9._-]", "_");
        Paragraph facts = new Paragraph(CertificateLabView.kind(certificate.kind()) + ", " + certificate.keyAlgorithm().label()
                + ", subject " + certificate.subject() + ", valid until " + CertificateLabView.DATE.format(certificate.notAfter())
                + (certificate.issuerName() == null ? "." : ", issued by " + certificate.issuerName() + "."));
        facts.setId("lab-certificate-facts");
        HorizontalLayout pem = new HorizontalLayout(
                download("Certificate (PEM)", file + ".pem", "application/x-pem-file", certificate::certificatePem),
                download("Full chain (PEM)", file + "-chain.pem", "application/x-pem-file", certificate::fullChainPem),
                download("Private key (PEM)", file + ".key.pem", "application/x-pem-file", () -> lab.privateKeyPem(certificate.name())));
        pem.setWrap(true);
        VerticalLayout content = new VerticalLayout(facts, new H4("Download"), pem, pkcs12Section());
        content.setPadding(false);
        if (certificate.kind().ca()) {
            content.add(storeSection());
        }
        add(content);
        Button delete = new Button("Delete", click -> ConfirmDelete.open("Delete lab certificate",
                "Delete this certificate and its private key?", java.util.List.of(certificate.name()),
                "A copy added to the DPS certificate store stays there.", this::delete));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(delete, new Button("Close", click -> close()));
    }

    private void delete() {
        try {
            lab.delete(certificate.name(), certificate.version());
            Notifications.success("Deleted " + certificate.name());
            close();
            onDeleted.run();
        } catch (InvalidInputException | StaleVersionException | NotFoundException e) {
            Notifications.error(e.getMessage());
        }
    }

    private static Anchor download(String text, String fileName, String type, Supplier<String> content) {
        // The supplier runs in the download request, so the key is decrypted only when asked for.
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get().getBytes(StandardCharsets.US_ASCII);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        }), AttachmentType.DOWNLOAD, text);
        return anchor;
    }

    private Component pkcs12Section() {
        password.setHelperText("At least " + LabRules.MIN_PASSWORD_LENGTH + " printable ASCII characters; the file holds the private key.");
        password.addValueChangeListener(change -> check(password, LabRules.passwordProblem(password.getValue())));
        Button create = new Button("Create PKCS#12 file", click -> createPkcs12());
        HorizontalLayout fields = new HorizontalLayout(password, confirm, create);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        return new Div(fields, pkcs12Link);
    }

    private void createPkcs12() {
        pkcs12Link.removeAll();
        if (!check(password, LabRules.passwordProblem(password.getValue()))) {
            return;
        }
        if (!check(confirm, password.getValue().equals(confirm.getValue())
                ? Optional.empty() : Optional.of("The passwords differ; type the same password twice."))) {
            return;
        }
        try {
            byte[] file = lab.pkcs12(certificate.name(), password.getValue());
            String fileName = certificate.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".p12";
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(file), fileName, "application/x-pkcs12", file.length)),
                    AttachmentType.DOWNLOAD, "Download " + fileName);
            link.setId("download-pkcs12");
            pkcs12Link.add(link);
        } catch (InvalidInputException e) {
            FieldRules.showAtFields(e.fieldErrors(), Map.of(LabCertificateService.PASSWORD, password));
        }
    }

    private Component storeSection() {
        TextField storeName = new TextField("Name in the certificate store");
        storeName.setValue(certificate.name().replaceAll("[^A-Za-z0-9._-]", "-"));
        storeName.setMaxLength(CaCertificateRules.MAX_NAME_LENGTH);
        Paragraph note = new Paragraph("Added as verified on upload: the lab generated this CA's private key and holds it, "
                + "which is what the proof of possession would show.");
        note.addClassName("dps-note");
        Button add = new Button("Add to the DPS certificate store", click -> {
            if (!check(storeName, CaCertificateRules.nameProblem(storeName.getValue()))) {
                return;
            }
            try {
                CaCertificate added = lab.addToStore(certificate.name(), storeName.getValue());
                Notifications.success("Added " + added.name() + " to the certificate store as verified");
            } catch (InvalidInputException e) {
                String unplaced = FieldRules.showAtFields(e.fieldErrors(), Map.<String, HasValidation>of(
                        CaCertificateService.NAME, storeName));
                if (!unplaced.isEmpty()) {
                    Notifications.error(unplaced);
                }
            } catch (LimitExceededException e) {
                Notifications.error(e.getMessage());
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(storeName, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return new Div(new H4("DPS certificate store"), note, row);
    }

    private static boolean check(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }
}
