package io.localdps.serviceapi;

import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.AttestationType;

/** What of an attestation mechanism a response shows (service-api.md §3.4). */
final class ApiAttestations {

    private ApiAttestations() {
    }

    /**
     * Without secrets, symmetric keys become {@code "symmetricKey": {}}; TPM endorsement keys and
     * X.509 certificates are public and stay (Java needs the non-null {@code tpm}/{@code primary}).
     */
    static Attestation shown(Attestation stored, boolean withSecrets) {
        if (withSecrets || stored == null || stored.type() != AttestationType.SYMMETRIC_KEY) {
            return stored;
        }
        return new Attestation(AttestationType.SYMMETRIC_KEY, new Attestation.SymmetricKey(null, null), null, null);
    }
}
