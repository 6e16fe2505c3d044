package io.localdps.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.localdps.certificate.X509CertificateInfo;

/**
 * An enrollment's attestation mechanism in the shape of the service API (service-api.md §3.3).
 * Only the member matching {@link #type()} is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attestation(AttestationType type, SymmetricKey symmetricKey, X509 x509, Tpm tpm) {

    public static Attestation symmetricKey(String primaryKey, String secondaryKey) {
        return new Attestation(AttestationType.SYMMETRIC_KEY, new SymmetricKey(primaryKey, secondaryKey), null, null);
    }

    public static Attestation clientCertificates(Certificate primary, Certificate secondary) {
        return x509(new X509(new CertificatePair(primary, secondary), null, null));
    }

    public static Attestation signingCertificates(Certificate primary, Certificate secondary) {
        return x509(new X509(null, new CertificatePair(primary, secondary), null));
    }

    public static Attestation caReferences(String primary, String secondary) {
        return x509(new X509(null, null, new CaReferences(primary, secondary)));
    }

    public static Attestation tpm(String endorsementKey) {
        return new Attestation(AttestationType.TPM, null, null, new Tpm(endorsementKey, null));
    }

    private static Attestation x509(X509 x509) {
        return new Attestation(AttestationType.X509, null, x509, null);
    }

    /** A short human description, e.g. "X.509 (CA references)". */
    public String describe() {
        if (type != AttestationType.X509 || x509 == null) {
            return type.label();
        }
        if (x509.caReferences() != null) {
            return "X.509 (uploaded CA certificates)";
        }
        return x509.signingCertificates() != null ? "X.509 (intermediate certificates)" : "X.509 (client certificates)";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SymmetricKey(String primaryKey, String secondaryKey) {
        /** Keys never reach a log through {@code toString}. */
        @Override
        public String toString() {
            return "SymmetricKey[(secret)]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record X509(CertificatePair clientCertificates, CertificatePair signingCertificates, CaReferences caReferences) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificatePair(Certificate primary, Certificate secondary) {
    }

    /** A certificate as stored (PEM) with the facts computed from it. */
    public record Certificate(String certificate, X509CertificateInfo info) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaReferences(String primary, String secondary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tpm(String endorsementKey, String storageRootKey) {
    }
}
