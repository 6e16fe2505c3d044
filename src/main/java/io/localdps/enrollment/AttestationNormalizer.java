package io.localdps.enrollment;

import io.localdps.attestation.EndorsementKey;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.certificate.CaCertificateDirectory;
import io.localdps.certificate.CertificateParser;
import io.localdps.certificate.InvalidCertificateException;
import io.localdps.certificate.ParsedCertificate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * Checks an attestation mechanism as it arrives (from the console or the API) and brings it into
 * its stored form: missing symmetric keys generated, certificates parsed into PEM plus their
 * info, endorsement keys checked. Problems are added to the caller's field-error map.
 */
@Component
class AttestationNormalizer {

    static final String TYPE = "attestation";
    static final String PRIMARY_KEY = "attestation.symmetricKey.primaryKey";
    static final String SECONDARY_KEY = "attestation.symmetricKey.secondaryKey";
    static final String PRIMARY_CERTIFICATE = "attestation.x509.primary";
    static final String SECONDARY_CERTIFICATE = "attestation.x509.secondary";
    static final String ENDORSEMENT_KEY = "attestation.tpm.endorsementKey";

    private final ObjectProvider<CaCertificateDirectory> caCertificates;

    AttestationNormalizer(ObjectProvider<CaCertificateDirectory> caCertificates) {
        this.caCertificates = caCertificates;
    }

    Attestation forIndividual(Attestation input, String registrationId, Map<String, String> errors) {
        if (input == null || input.type() == null) {
            errors.put(TYPE, "Choose an attestation mechanism: symmetric key, X.509 or TPM.");
            return null;
        }
        return switch (input.type()) {
            case SYMMETRIC_KEY -> symmetricKey(input.symmetricKey(), errors);
            case TPM -> tpm(input.tpm(), errors);
            case X509 -> clientCertificates(input.x509(), registrationId, errors);
        };
    }

    Attestation forGroup(Attestation input, Map<String, String> errors) {
        if (input == null || input.type() == null) {
            errors.put(TYPE, "Choose an attestation mechanism: symmetric key or X.509.");
            return null;
        }
        return switch (input.type()) {
            case SYMMETRIC_KEY -> symmetricKey(input.symmetricKey(), errors);
            case TPM -> {
                errors.put(TYPE, "Enrollment groups do not support TPM attestation: each TPM has its own "
                        + "endorsement key, so TPM devices need individual enrollments.");
                yield null;
            }
            case X509 -> groupCertificates(input.x509(), errors);
        };
    }

    private Attestation symmetricKey(Attestation.SymmetricKey keys, Map<String, String> errors) {
        String primary = keys == null ? null : keys.primaryKey();
        String secondary = keys == null ? null : keys.secondaryKey();
        return Attestation.symmetricKey(keyOrGenerated(primary, PRIMARY_KEY, errors),
                keyOrGenerated(secondary, SECONDARY_KEY, errors));
    }

    private static String keyOrGenerated(String key, String field, Map<String, String> errors) {
        if (key == null || key.isBlank()) {
            return SymmetricKeys.generate();
        }
        SymmetricKeys.problemWith(key).ifPresent(problem -> errors.put(field, problem));
        return key.trim();
    }

    private Attestation tpm(Attestation.Tpm tpm, Map<String, String> errors) {
        try {
            EndorsementKey key = EndorsementKey.parse(tpm == null ? null : tpm.endorsementKey());
            return new Attestation(AttestationType.TPM, null, null,
                    new Attestation.Tpm(key.base64(), tpm.storageRootKey()));
        } catch (IllegalArgumentException e) {
            errors.put(ENDORSEMENT_KEY, e.getMessage());
            return null;
        }
    }

    private Attestation clientCertificates(Attestation.X509 x509, String registrationId, Map<String, String> errors) {
        if (x509 == null || x509.clientCertificates() == null) {
            errors.put(PRIMARY_CERTIFICATE, "Upload the device's primary certificate (.pem or .cer).");
            return null;
        }
        if (x509.signingCertificates() != null || x509.caReferences() != null) {
            errors.put(TYPE, "An individual enrollment takes the device's own (client) certificates only.");
            return null;
        }
        Attestation.Certificate primary = deviceCertificate(x509.clientCertificates().primary(), registrationId,
                PRIMARY_CERTIFICATE, true, errors);
        Attestation.Certificate secondary = deviceCertificate(x509.clientCertificates().secondary(), registrationId,
                SECONDARY_CERTIFICATE, false, errors);
        return Attestation.clientCertificates(primary, secondary);
    }

    private static Attestation.Certificate deviceCertificate(Attestation.Certificate input, String registrationId,
                                                             String field, boolean required, Map<String, String> errors) {
        Optional<ParsedCertificate> parsed = parse(input, field, required, errors);
        if (parsed.isEmpty()) {
            return null;
        }
        Optional<String> commonName = parsed.get().commonName();
        if (commonName.isEmpty()) {
            errors.put(field, "The certificate has no subject common name (CN); the CN is the device's registration ID.");
        } else if (commonName.get().length() > EnrollmentRules.MAX_X509_ID_LENGTH) {
            errors.put(field, "The certificate's CN is longer than 64 characters, the limit for X.509 registration IDs.");
        } else if (registrationId != null && !commonName.get().equalsIgnoreCase(registrationId)) {
            errors.put(field, "The certificate's subject CN is \"" + commonName.get()
                    + "\" but the registration ID is \"" + registrationId + "\"; they must be equal.");
        }
        return new Attestation.Certificate(parsed.get().pem(), parsed.get().info());
    }

    private Attestation groupCertificates(Attestation.X509 x509, Map<String, String> errors) {
        int given = x509 == null ? 0 : count(x509.clientCertificates(), x509.signingCertificates(), x509.caReferences());
        if (given != 1 || x509.clientCertificates() != null) {
            errors.put(TYPE, "An X.509 enrollment group takes either intermediate (signing) certificates or "
                    + "references to CA certificates uploaded to this service.");
            return null;
        }
        if (x509.caReferences() != null) {
            return caReferences(x509.caReferences(), errors);
        }
        Optional<ParsedCertificate> primary = parse(x509.signingCertificates().primary(), PRIMARY_CERTIFICATE, true, errors);
        Optional<ParsedCertificate> secondary = parse(x509.signingCertificates().secondary(), SECONDARY_CERTIFICATE, false, errors);
        return Attestation.signingCertificates(primary.map(AttestationNormalizer::stored).orElse(null),
                secondary.map(AttestationNormalizer::stored).orElse(null));
    }

    private Attestation caReferences(Attestation.CaReferences references, Map<String, String> errors) {
        CaCertificateDirectory directory = caCertificates.getIfAvailable();
        checkReference(references.primary(), PRIMARY_CERTIFICATE, true, directory, errors);
        checkReference(references.secondary(), SECONDARY_CERTIFICATE, false, directory, errors);
        String secondary = references.secondary() == null || references.secondary().isBlank() ? null : references.secondary();
        return Attestation.caReferences(references.primary(), secondary);
    }

    private static void checkReference(String name, String field, boolean required,
                                       CaCertificateDirectory directory, Map<String, String> errors) {
        if (name == null || name.isBlank()) {
            if (required) {
                errors.put(field, "Choose the primary CA certificate.");
            }
            return;
        }
        if (directory == null || !directory.exists(name)) {
            errors.put(field, "There is no CA certificate named \"" + name + "\" in this service.");
        }
    }

    private static Optional<ParsedCertificate> parse(Attestation.Certificate input, String field, boolean required,
                                                     Map<String, String> errors) {
        if (input == null || input.certificate() == null || input.certificate().isBlank()) {
            if (required) {
                errors.put(field, "Upload the primary certificate (.pem or .cer).");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(CertificateParser.parse(input.certificate()));
        } catch (InvalidCertificateException e) {
            errors.put(field, e.getMessage());
            return Optional.empty();
        }
    }

    private static Attestation.Certificate stored(ParsedCertificate certificate) {
        return new Attestation.Certificate(certificate.pem(), certificate.info());
    }

    private static int count(Object... members) {
        int n = 0;
        for (Object member : members) {
            if (member != null) {
                n++;
            }
        }
        return n;
    }
}
