package io.localdps.console.enrollment;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.localdps.console.components.CertificateField;
import io.localdps.console.components.SecretField;
import io.localdps.enrollment.Attestation;

/**
 * The read-only credentials of an enrollment ("You can update all items, except the security type
 * and credentials"). Keys are masked until revealed.
 */
class AttestationDetails extends VerticalLayout {

    AttestationDetails(Attestation attestation) {
        setPadding(false);
        DescriptionList facts = new DescriptionList();
        facts.addClassName("dps-review");
        facts.add(term("Attestation"), value(attestation.describe()));
        add(facts);
        if (attestation.symmetricKey() != null) {
            add(new SecretField("Primary key", attestation.symmetricKey().primaryKey()),
                    new SecretField("Secondary key", attestation.symmetricKey().secondaryKey()));
        }
        if (attestation.x509() != null) {
            Attestation.X509 x509 = attestation.x509();
            Attestation.CertificatePair pair = x509.clientCertificates() != null
                    ? x509.clientCertificates() : x509.signingCertificates();
            if (pair != null) {
                addCertificate(facts, "Primary certificate", pair.primary());
                addCertificate(facts, "Secondary certificate", pair.secondary());
            }
            if (x509.caReferences() != null) {
                facts.add(term("Primary CA certificate"), value(x509.caReferences().primary()));
                facts.add(term("Secondary CA certificate"),
                        value(x509.caReferences().secondary() == null ? "None" : x509.caReferences().secondary()));
            }
        }
        if (attestation.tpm() != null) {
            // The EK is a public key: shown in full, not masked.
            TextArea ek = new TextArea("Endorsement key");
            ek.setValue(attestation.tpm().endorsementKey());
            ek.setReadOnly(true);
            ek.setWidthFull();
            ek.addClassName("dps-json");
            add(ek);
        }
    }

    private static void addCertificate(DescriptionList facts, String label, Attestation.Certificate certificate) {
        facts.add(term(label), value(certificate == null || certificate.info() == null
                ? "None" : CertificateField.describe(certificate.info())));
    }

    private static DescriptionList.Term term(String text) {
        return new DescriptionList.Term(text);
    }

    private static DescriptionList.Description value(String text) {
        return new DescriptionList.Description(text);
    }
}
