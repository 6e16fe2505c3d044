package io.localdps.console.certificate;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateRules;
import io.localdps.certificate.CaCertificateService;
import io.localdps.common.InvalidInputException;
import io.localdps.common.LimitExceededException;
import io.localdps.console.components.CertificateField;
import io.localdps.console.components.FieldRules;
import io.localdps.console.components.Notifications;

import java.util.Map;
import java.util.function.Consumer;

/** The portal's "Add certificate" panel (portal.md §4.2). */
class AddCertificateDialog extends Dialog {

    private final CaCertificateService certificates;
    private final Consumer<CaCertificate> onAdded;
    private final TextField name = new TextField("Certificate name");
    private final CertificateField file = new CertificateField("Certificate .pem or .cer file", true);
    private final Checkbox verifiedOnUpload = new Checkbox("Set certificate status to verified on upload");

    AddCertificateDialog(CaCertificateService certificates, Consumer<CaCertificate> onAdded) {
        super("Add certificate");
        this.certificates = certificates;
        this.onAdded = onAdded;
        setWidth("36rem");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(CaCertificateRules.MAX_NAME_LENGTH);
        name.setHelperText("Letters, digits, - _ and . ; not case-sensitive. Enrollment groups refer to the certificate by this name.");
        name.addValueChangeListener(change -> checkName());
        // Said plainly: ticking it trusts the file without the proof of possession.
        verifiedOnUpload.setHelperText("Skips the proof of possession: devices chaining to this CA can register at once, "
                + "trusting that whoever uploads the file holds the CA's private key.");
        FormLayout form = new FormLayout(name, file, verifiedOnUpload);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button("Save", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private boolean checkName() {
        var problem = CaCertificateRules.nameProblem(name.getValue());
        name.setErrorMessage(problem.orElse(null));
        name.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    private void save() {
        boolean nameOk = checkName();
        if (!file.validate() || !nameOk) {
            return;
        }
        try {
            CaCertificate added = certificates.add(name.getValue(), file.getValue(), verifiedOnUpload.getValue());
            Notifications.success("Added certificate " + added.name());
            close();
            onAdded.accept(added);
        } catch (InvalidInputException e) {
            String unplaced = FieldRules.showAtFields(e.fieldErrors(), Map.<String, HasValidation>of(
                    CaCertificateService.NAME, name, CaCertificateService.CERTIFICATE, file));
            if (!unplaced.isEmpty()) {
                Notifications.error(unplaced);
            }
        } catch (LimitExceededException e) {
            Notifications.error(e.getMessage());
        }
    }
}
