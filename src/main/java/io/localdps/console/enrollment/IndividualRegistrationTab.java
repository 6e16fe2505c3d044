package io.localdps.console.enrollment;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.localdps.attestation.EndorsementKey;
import io.localdps.certificate.CertificateParser;
import io.localdps.console.components.CertificateField;
import io.localdps.console.components.FormSection;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentRules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tab 1 of the add-individual-enrollment wizard: mechanism and its credentials, registration ID,
 * IoT Hub device ID, provisioning status and reprovision policy (portal.md §3.3).
 */
class IndividualRegistrationTab extends VerticalLayout implements FormSection {

    private final RadioButtonGroup<AttestationType> mechanism = new RadioButtonGroup<>("Attestation mechanism");
    private final SymmetricKeyFields symmetricKey = new SymmetricKeyFields();
    private final CertificateField primaryCertificate = new CertificateField("Primary certificate .pem or .cer file", true);
    private final CertificateField secondaryCertificate = new CertificateField("Secondary certificate .pem or .cer file", false);
    private final TextArea endorsementKey = new TextArea("Endorsement key");
    private final TextField registrationId = new TextField("Registration ID");
    private final TextField deviceId = new TextField("IoT Hub Device ID");
    private final ProvisioningFields provisioning = new ProvisioningFields();
    private final FormLayout x509 = new FormLayout(primaryCertificate, secondaryCertificate);

    IndividualRegistrationTab() {
        setPadding(false);
        mechanism.setItems(AttestationType.SYMMETRIC_KEY, AttestationType.X509, AttestationType.TPM);
        mechanism.setItemLabelGenerator(type -> type == AttestationType.X509 ? "X.509 client certificates" : type.label());
        mechanism.setRequiredIndicatorVisible(true);
        mechanism.addValueChangeListener(change -> showMechanismFields());

        endorsementKey.setWidthFull();
        endorsementKey.addClassName("dps-json");
        endorsementKey.setHelperText("Base64 of the TPM's EK (TPM2B_PUBLIC), as the device SDK prints it.");
        endorsementKey.addValueChangeListener(change -> suggestTpmRegistrationId());
        primaryCertificate.addValueChangeListener(change -> suggestX509RegistrationId());

        registrationId.setRequiredIndicatorVisible(true);
        registrationId.setWidthFull();
        registrationId.setHelperText("Up to 128 letters, digits and - . _ : ending with a letter, digit or -; "
                + "for X.509 the certificate's subject CN.");
        registrationId.addValueChangeListener(change -> checkRegistrationId());
        deviceId.setWidthFull();
        deviceId.setHelperText("Optional; blank means the device ID is the registration ID.");
        deviceId.addValueChangeListener(change -> checkDeviceId());

        add(mechanism, symmetricKey, x509, endorsementKey, registrationId, deviceId, provisioning);
        showMechanismFields();
    }

    private void showMechanismFields() {
        AttestationType chosen = mechanism.getValue();
        symmetricKey.setVisible(chosen == AttestationType.SYMMETRIC_KEY);
        x509.setVisible(chosen == AttestationType.X509);
        endorsementKey.setVisible(chosen == AttestationType.TPM);
    }

    /** The registration ID of an X.509 device is its certificate's CN: fill it in when still empty. */
    private void suggestX509RegistrationId() {
        if (registrationId.getValue().isBlank() && !primaryCertificate.getValue().isEmpty()) {
            CertificateParser.parse(primaryCertificate.getValue()).commonName().ifPresent(registrationId::setValue);
        }
    }

    /** TPM SDKs default the registration ID to a hash of the EK: offer the same when it is still empty. */
    private void suggestTpmRegistrationId() {
        if (!registrationId.getValue().isBlank()) {
            return;
        }
        try {
            registrationId.setValue(EndorsementKey.parse(endorsementKey.getValue()).defaultRegistrationId());
        } catch (IllegalArgumentException notAnEkYet) {
            // validated on Next/Create; nothing to suggest
        }
    }

    private boolean checkRegistrationId() {
        return show(registrationId, EnrollmentRules.registrationIdProblem(registrationId.getValue().trim()));
    }

    private boolean checkDeviceId() {
        return show(deviceId, EnrollmentRules.deviceIdProblem(deviceId.getValue().trim()));
    }

    private boolean checkEndorsementKey() {
        try {
            EndorsementKey.parse(endorsementKey.getValue());
            return show(endorsementKey, Optional.empty());
        } catch (IllegalArgumentException e) {
            return show(endorsementKey, Optional.of(e.getMessage()));
        }
    }

    private static boolean show(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    String registrationId() {
        return registrationId.getValue().trim();
    }

    String deviceId() {
        return deviceId.getValue().trim();
    }

    AttestationType mechanism() {
        return mechanism.getValue();
    }

    ProvisioningFields provisioning() {
        return provisioning;
    }

    boolean generatesKeys() {
        return mechanism.getValue() == AttestationType.SYMMETRIC_KEY && symmetricKey.generated();
    }

    Attestation attestation() {
        return switch (mechanism.getValue()) {
            case SYMMETRIC_KEY -> symmetricKey.attestation();
            case X509 -> Attestation.clientCertificates(new Attestation.Certificate(primaryCertificate.getValue(), null),
                    secondaryCertificate.getValue().isEmpty() ? null
                            : new Attestation.Certificate(secondaryCertificate.getValue(), null));
            case TPM -> Attestation.tpm(endorsementKey.getValue().trim());
        };
    }

    @Override
    public boolean validate() {
        AttestationType chosen = mechanism.getValue();
        boolean ok = show(mechanism, chosen == null ? Optional.of("Choose how this device attests.") : Optional.empty());
        ok &= checkRegistrationId();
        ok &= checkDeviceId();
        if (chosen == AttestationType.SYMMETRIC_KEY) {
            ok &= symmetricKey.validate();
        } else if (chosen == AttestationType.X509) {
            ok &= primaryCertificate.validate() & secondaryCertificate.validate();
        } else if (chosen == AttestationType.TPM) {
            ok &= checkEndorsementKey();
        }
        return ok;
    }

    @Override
    public Map<String, HasValidation> fieldsByName() {
        Map<String, HasValidation> fields = new HashMap<>(symmetricKey.fieldsByName());
        fields.putAll(provisioning.fieldsByName());
        fields.put("attestation", mechanism);
        fields.put("registrationId", registrationId);
        fields.put("deviceId", deviceId);
        fields.put("attestation.x509.primary", primaryCertificate);
        fields.put("attestation.x509.secondary", secondaryCertificate);
        fields.put("attestation.tpm.endorsementKey", endorsementKey);
        return fields;
    }
}
