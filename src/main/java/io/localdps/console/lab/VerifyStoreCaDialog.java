package io.localdps.console.lab;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateService;
import io.localdps.common.InvalidInputException;
import io.localdps.common.StaleVersionException;
import io.localdps.console.components.Notifications;
import io.localdps.lab.LabCertificateService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The proof of possession for store CAs the lab holds the key of: in one click, or as the
 * verification certificate file for the code shown on the certificate's page.
 */
class VerifyStoreCaDialog extends Dialog {

    private final LabCertificateService lab;
    private final ComboBox<CaCertificate> target = new ComboBox<>("Unverified store CA");
    private final Div verificationFile = new Div();

    VerifyStoreCaDialog(LabCertificateService lab, CaCertificateService store) {
        super("Verify a store CA with the lab's key");
        this.lab = lab;
        setWidth("34rem");
        target.setItems(store.all().stream().filter(c -> !c.verified()).filter(lab::holdsKeyOf).toList());
        target.setItemLabelGenerator(CaCertificate::name);
        target.setWidthFull();
        target.setHelperText("Only unverified certificates in the Certificates store whose private key this lab holds.");
        target.addValueChangeListener(change -> showVerificationFile());
        Paragraph note = new Paragraph("Verify now creates a verification code when none is pending, signs the "
                + "verification certificate with the lab's key and completes the proof of possession.");
        note.addClassName("dps-note");
        add(note, target, verificationFile);
        Button verify = new Button("Verify now", click -> verify());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Close", click -> close()), verify);
    }

    private void showVerificationFile() {
        verificationFile.removeAll();
        CaCertificate chosen = target.getValue();
        if (chosen == null || chosen.verificationCode() == null) {
            return;
        }
        String fileName = "verification-" + chosen.name() + ".pem";
        verificationFile.add(new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pem = lab.verificationCertificatePem(chosen.name()).getBytes(StandardCharsets.US_ASCII);
            return new DownloadResponse(new ByteArrayInputStream(pem), fileName, "application/x-pem-file", pem.length);
        }), AttachmentType.DOWNLOAD, "Verification certificate for code " + chosen.verificationCode() + " (PEM)"));
    }

    private void verify() {
        CaCertificate chosen = target.getValue();
        if (chosen == null) {
            target.setErrorMessage("Choose the store CA to verify.");
            target.setInvalid(true);
            return;
        }
        try {
            CaCertificate verified = lab.proveStoreCertificate(chosen.name(), chosen.version());
            Notifications.success("Verified " + verified.name());
            close();
        } catch (InvalidInputException | StaleVersionException e) {
            Notifications.error(e.getMessage());
        }
    }
}
