package io.localdps.console.enrollment;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.localdps.console.components.CertificateField;
import io.localdps.console.components.FormSection;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentRules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tab 1 of the add-group wizard: attestation, group name, provisioning status, reprovision policy. */
class GroupRegistrationTab extends VerticalLayout implements FormSection {

    enum Mechanism {
        X509_INTERMEDIATE("X.509 intermediate certificates"),
        X509_UPLOADED("X.509 certificates uploaded to this Device Provisioning Service"),
        SYMMETRIC_KEY("Symmetric key"),
        TPM("TPM (not supported for enrollment groups)");

        final String label;

        Mechanism(String label) {
            this.label = label;
        }
    }

    private final RadioButtonGroup<Mechanism> mechanism = new RadioButtonGroup<>("Attestation");
    private final CertificateField primaryCertificate = new CertificateField("Primary certificate .pem or .cer file", true);
    private final CertificateField secondaryCertificate = new CertificateField("Secondary certificate .pem or .cer file", false);
    private final ComboBox<String> primaryCa = new ComboBox<>("Primary certificate");
    private final ComboBox<String> secondaryCa = new ComboBox<>("Secondary certificate");
    private final SymmetricKeyFields symmetricKey = new SymmetricKeyFields();
    private final TextField groupName = new TextField("Group name");
    private final ProvisioningFields provisioning = new ProvisioningFields();
    private final FormLayout intermediate = new FormLayout(primaryCertificate, secondaryCertificate);
    private final FormLayout uploaded = new FormLayout(primaryCa, secondaryCa);

    GroupRegistrationTab(List<String> verifiedCaCertificates) {
        setPadding(false);
        mechanism.setItems(Mechanism.values());
        mechanism.setItemLabelGenerator(m -> m.label);
        mechanism.setItemEnabledProvider(m -> m != Mechanism.TPM
                && (m != Mechanism.X509_UPLOADED || !verifiedCaCertificates.isEmpty()));
        mechanism.setRequiredIndicatorVisible(true);
        mechanism.setHelperText(verifiedCaCertificates.isEmpty()
                ? "Enrollment groups do not support TPM: each TPM has its own endorsement key. "
                  + "\"Uploaded\" certificates can be chosen once a verified CA certificate exists."
                : "Enrollment groups do not support TPM: each TPM has its own endorsement key.");
        mechanism.addValueChangeListener(change -> showMechanismFields());
        primaryCa.setItems(verifiedCaCertificates);
        secondaryCa.setItems(verifiedCaCertificates);
        secondaryCa.setClearButtonVisible(true);

        groupName.setRequiredIndicatorVisible(true);
        groupName.setWidthFull();
        groupName.setMaxLength(EnrollmentRules.MAX_ID_LENGTH);
        groupName.setHelperText("Up to 128 letters, digits and - . _ : ending with a letter, digit or -; not case-sensitive.");
        groupName.addValueChangeListener(change -> checkName());

        add(mechanism, intermediate, uploaded, symmetricKey, groupName, provisioning);
        showMechanismFields();
    }

    private void showMechanismFields() {
        Mechanism chosen = mechanism.getValue();
        intermediate.setVisible(chosen == Mechanism.X509_INTERMEDIATE);
        uploaded.setVisible(chosen == Mechanism.X509_UPLOADED);
        symmetricKey.setVisible(chosen == Mechanism.SYMMETRIC_KEY);
    }

    private boolean checkName() {
        Optional<String> problem = EnrollmentRules.groupNameProblem(groupName.getValue());
        groupName.setErrorMessage(problem.orElse(null));
        groupName.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    String groupName() {
        return groupName.getValue().trim();
    }

    Mechanism mechanism() {
        return mechanism.getValue();
    }

    ProvisioningFields provisioning() {
        return provisioning;
    }

    Attestation attestation() {
        return switch (mechanism.getValue()) {
            case X509_INTERMEDIATE -> Attestation.signingCertificates(
                    new Attestation.Certificate(primaryCertificate.getValue(), null),
                    secondaryCertificate.getValue().isEmpty() ? null
                            : new Attestation.Certificate(secondaryCertificate.getValue(), null));
            case X509_UPLOADED -> Attestation.caReferences(primaryCa.getValue(), secondaryCa.getValue());
            case SYMMETRIC_KEY -> symmetricKey.attestation();
            case TPM -> Attestation.tpm(null);
        };
    }

    boolean generatesKeys() {
        return mechanism.getValue() == Mechanism.SYMMETRIC_KEY && symmetricKey.generated();
    }

    @Override
    public boolean validate() {
        boolean ok = checkName();
        Mechanism chosen = mechanism.getValue();
        mechanism.setInvalid(chosen == null);
        mechanism.setErrorMessage(chosen == null ? "Choose how devices of this group attest." : null);
        if (chosen == null) {
            return false;
        }
        return switch (chosen) {
            case X509_INTERMEDIATE -> primaryCertificate.validate() & secondaryCertificate.validate() & ok;
            case X509_UPLOADED -> requireCa() & ok;
            case SYMMETRIC_KEY -> symmetricKey.validate() & ok;
            case TPM -> false;
        };
    }

    private boolean requireCa() {
        primaryCa.setInvalid(primaryCa.getValue() == null);
        primaryCa.setErrorMessage(primaryCa.getValue() == null ? "Choose a verified CA certificate." : null);
        return primaryCa.getValue() != null;
    }

    @Override
    public Map<String, HasValidation> fieldsByName() {
        Map<String, HasValidation> fields = new HashMap<>(symmetricKey.fieldsByName());
        fields.putAll(provisioning.fieldsByName());
        fields.put("enrollmentGroupId", groupName);
        fields.put("attestation", mechanism);
        boolean uploadedChosen = mechanism.getValue() == Mechanism.X509_UPLOADED;
        fields.put("attestation.x509.primary", uploadedChosen ? primaryCa : primaryCertificate);
        fields.put("attestation.x509.secondary", uploadedChosen ? secondaryCa : secondaryCertificate);
        return fields;
    }
}
