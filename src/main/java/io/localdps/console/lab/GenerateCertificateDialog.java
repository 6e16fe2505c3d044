package io.localdps.console.lab;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.localdps.common.InvalidInputException;
import io.localdps.console.components.FieldRules;
import io.localdps.console.components.Notifications;
import io.localdps.enrollment.EnrollmentRules;
import io.localdps.lab.KeyAlgorithm;
import io.localdps.lab.LabCertificate;
import io.localdps.lab.LabCertificateService;
import io.localdps.lab.LabRules;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Generates a root CA, an intermediate CA or a device certificate; checks each field as it is typed. */
class GenerateCertificateDialog extends Dialog {

    enum Mode { ROOT_CA, INTERMEDIATE_CA, DEVICE }

    private final LabCertificateService lab;
    private final Mode mode;
    private final Consumer<LabCertificate> onGenerated;
    private final TextField name;
    private final ComboBox<String> issuer = new ComboBox<>("Signed by (lab CA)");
    private final RadioButtonGroup<KeyAlgorithm> algorithm = new RadioButtonGroup<>("Key type");
    private final IntegerField validity = new IntegerField("Validity (days)");

    GenerateCertificateDialog(LabCertificateService lab, Mode mode, Consumer<LabCertificate> onGenerated) {
        super(switch (mode) {
            case ROOT_CA -> "New root CA";
            case INTERMEDIATE_CA -> "New intermediate CA";
            case DEVICE -> "New device certificate";
        });
        this.lab = lab;
        this.mode = mode;
        this.onGenerated = onGenerated;
        setWidth("34rem");
        name = new TextField(mode == Mode.DEVICE ? "Registration ID" : "CA name");
        name.setRequiredIndicatorVisible(true);
        name.setHelperText(mode == Mode.DEVICE
                ? "Becomes the certificate's subject CN, which DPS uses as the registration ID."
                : "Becomes the CA's subject CN.");
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(change -> check(name, nameProblem()));
        var authorities = lab.certificateAuthorities().stream().map(LabCertificate::name).toList();
        issuer.setItems(authorities);
        if (authorities.size() == 1) {
            issuer.setValue(authorities.getFirst());
        }
        issuer.setRequiredIndicatorVisible(true);
        issuer.setVisible(mode != Mode.ROOT_CA);
        algorithm.setItems(KeyAlgorithm.values());
        algorithm.setItemLabelGenerator(KeyAlgorithm::label);
        algorithm.setValue(KeyAlgorithm.EC_P256);
        boolean ca = mode != Mode.DEVICE;
        validity.setValue(ca ? 3650 : 365);
        validity.setStepButtonsVisible(true);
        validity.setHelperText("1 to " + (ca ? LabRules.MAX_CA_VALIDITY_DAYS : LabRules.MAX_DEVICE_VALIDITY_DAYS)
                + " days" + (mode == Mode.ROOT_CA ? "." : ", and not beyond the signing CA's expiry."));
        validity.addValueChangeListener(change -> check(validity, LabRules.validityProblem(validity.getValue(), ca)));
        FormLayout form = new FormLayout(name, issuer, algorithm, validity);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button generate = new Button("Generate", click -> generate());
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), generate);
    }

    private Optional<String> nameProblem() {
        return mode == Mode.DEVICE ? EnrollmentRules.registrationIdProblem(name.getValue()) : LabRules.caNameProblem(name.getValue());
    }

    private static boolean check(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    private void generate() {
        boolean ok = check(name, nameProblem())
                & check(validity, LabRules.validityProblem(validity.getValue(), mode != Mode.DEVICE))
                & (mode == Mode.ROOT_CA || check(issuer, issuer.isEmpty() ? Optional.of("Choose the lab CA that signs it.") : Optional.empty()));
        if (!ok) {
            return;
        }
        try {
            LabCertificate created = switch (mode) {
                case ROOT_CA -> lab.createRootCa(name.getValue(), algorithm.getValue(), validity.getValue());
                case INTERMEDIATE_CA -> lab.createIntermediateCa(name.getValue(), issuer.getValue(), algorithm.getValue(), validity.getValue());
                case DEVICE -> lab.createDeviceCertificate(name.getValue(), issuer.getValue(), algorithm.getValue(), validity.getValue());
            };
            close();
            onGenerated.accept(created);
        } catch (InvalidInputException e) {
            String unplaced = FieldRules.showAtFields(e.fieldErrors(), Map.<String, HasValidation>of(
                    LabCertificateService.NAME, name, LabCertificateService.REGISTRATION_ID, name,
                    LabCertificateService.ISSUER, issuer, LabCertificateService.VALIDITY, validity));
            if (!unplaced.isEmpty()) {
                Notifications.error(unplaced);
            }
        }
    }
}
