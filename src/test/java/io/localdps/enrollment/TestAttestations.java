package io.localdps.enrollment;

import io.localdps.attestation.TestEndorsementKeys;
import io.localdps.certificate.TestCertificates;

/** Attestation mechanisms as the console or the API hand them to the services (input form). */
final class TestAttestations {

    private TestAttestations() {
    }

    /** Symmetric key with both keys left for the service to generate. */
    static Attestation generatedKeys() {
        return Attestation.symmetricKey(null, null);
    }

    static Attestation keys(String primary, String secondary) {
        return Attestation.symmetricKey(primary, secondary);
    }

    /** A device's own certificate as uploaded: only the certificate text, no info. */
    static Attestation clientCertificate(String certificate) {
        return Attestation.clientCertificates(new Attestation.Certificate(certificate, null), null);
    }

    /** A device certificate (issued by a fresh test CA chain) whose CN is the given name. */
    static Attestation clientCertificateFor(String commonName) {
        return clientCertificate(TestCertificates.chain(commonName).leaf().pem());
    }

    static Attestation signingCertificate(String certificate) {
        return Attestation.signingCertificates(new Attestation.Certificate(certificate, null), null);
    }

    static Attestation tpm(TestEndorsementKeys endorsementKey) {
        return Attestation.tpm(endorsementKey.base64());
    }

    static Attestation tpm() {
        return tpm(TestEndorsementKeys.rsa2048());
    }
}
