package io.localdps.registration;

import io.localdps.attestation.DeviceSasVerifier;
import io.localdps.attestation.SasKey;
import io.localdps.attestation.SasVerification;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import org.springframework.stereotype.Component;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides who a device is and which enrollment applies (behaviour.md §3, security.md §1–3, §6):
 * an individual enrollment with the registration ID always wins; otherwise groups are tried.
 */
@Component
class DeviceAttestor {

    static final String BINDING_NONE = "none";
    static final String BINDING_SAS = "sas";
    static final String BINDING_TPM = "sas-tpm";

    private final IndividualEnrollmentService individuals;
    private final GroupAttestor groupAttestor;
    private final TpmAttestor tpmAttestor;
    private final Clock clock;

    DeviceAttestor(IndividualEnrollmentService individuals,
                   GroupAttestor groupAttestor, TpmAttestor tpmAttestor, Clock clock) {
        this.individuals = individuals;
        this.groupAttestor = groupAttestor;
        this.tpmAttestor = tpmAttestor;
        this.clock = clock;
    }

    /**
     * @param knownGroupId the group of the device's existing record, tried first among groups; read
     *                     only when a group is tried and it matters (a database read)
     */
    Attestation attest(DeviceRequest request, DeviceRegistrationBody body, Supplier<String> knownGroupId) {
        Optional<IndividualEnrollment> individual = individuals.find(request.registrationId());
        if (individual.isPresent()) {
            IndividualEnrollment enrollment = individual.get();
            if (!enrollment.settings().enabled()) {
                // A disabled individual enrollment blocks the device whatever it attests with (security.md §3.2).
                return new Attestation.Authenticated(enrollment.attestationType(), enrollment, null, BINDING_NONE,
                        null, null, null);
            }
            return switch (enrollment.attestationType()) {
                case SYMMETRIC_KEY -> symmetricKey(request, enrollment);
                case X509 -> x509(request, enrollment);
                case TPM -> tpmAttestor.attest(request, body, enrollment);
            };
        }
        if (body.hasTpm()) {
            return new Attestation.Refused(404, 404201, "No enrollment found for this registration ID.",
                    "a TPM device needs an individual enrollment; there is none for " + request.registrationId(),
                    AttestationType.TPM, null, false);
        }
        return switch (request.credentials()) {
            case DeviceCredentials.SasToken sas -> groupAttestor.symmetricKey(request, sas.token(), knownGroupId);
            case DeviceCredentials.ClientCertificates certificates -> groupAttestor.x509(request, certificates.chain(), knownGroupId);
            case DeviceCredentials.None none -> new Attestation.Refused(401, 401000, "Unauthorized",
                    "no credentials: neither a SAS token nor a client certificate was sent", null, null, false);
        };
    }

    private Attestation symmetricKey(DeviceRequest request, IndividualEnrollment enrollment) {
        if (!(request.credentials() instanceof DeviceCredentials.SasToken sas)) {
            return refusedIndividual(enrollment, "the individual enrollment uses a symmetric key but the device sent "
                    + describe(request.credentials()));
        }
        SasVerification verification = DeviceSasVerifier.verify(sas.token(), request.idScope(), request.registrationId(),
                keysOf(enrollment), clock.instant());
        if (verification instanceof SasVerification.Rejected rejected) {
            return refusedIndividual(enrollment, "SAS token refused (" + rejected.failure() + "): " + rejected.detail());
        }
        return new Attestation.Authenticated(AttestationType.SYMMETRIC_KEY, enrollment, null, BINDING_SAS, null, null, null);
    }

    private Attestation x509(DeviceRequest request, IndividualEnrollment enrollment) {
        if (!(request.credentials() instanceof DeviceCredentials.ClientCertificates certificates)
                || certificates.chain().isEmpty()) {
            return refusedIndividual(enrollment, "the individual enrollment uses X.509 but the device sent "
                    + describe(request.credentials()));
        }
        X509Certificate leaf = certificates.chain().getFirst();
        var parsed = X509ChainCheck.parsed(leaf);
        var pair = enrollment.attestation().x509().clientCertificates();
        boolean known = matches(pair.primary(), parsed.sha256Thumbprint()) || matches(pair.secondary(), parsed.sha256Thumbprint());
        if (!known) {
            return refusedIndividual(enrollment, "the presented certificate (SHA-1 " + parsed.sha1Thumbprint()
                    + ") is neither the primary nor the secondary certificate of the enrollment");
        }
        Optional<String> problem = X509ChainCheck.problem(certificates.chain(), 0, clock.instant());
        if (problem.isPresent()) {
            return refusedIndividual(enrollment, problem.get());
        }
        return new Attestation.Authenticated(AttestationType.X509, enrollment, null, parsed.sha256Thumbprint(),
                parsed.sha1Thumbprint(), null, null);
    }

    /** A poll must authenticate as the register call did (device-api.md §3 rule 7). */
    Optional<String> pollProblem(DeviceRequest request, OperationWork work) {
        String binding = work.credentialBinding();
        if (BINDING_NONE.equals(binding)) {
            return Optional.empty();
        }
        if (BINDING_TPM.equals(binding)) {
            return tpmAttestor.pollProblem(request);
        }
        if (BINDING_SAS.equals(binding)) {
            if (!(request.credentials() instanceof DeviceCredentials.SasToken sas)) {
                return Optional.of("the poll carried no SAS token");
            }
            List<SasKey> keys = work.groupId() == null
                    ? individuals.find(work.registrationId()).map(DeviceAttestor::keysOf).orElse(List.of())
                    : groupAttestor.symmetricKeyGroup(work.groupId()).map(g -> GroupAttestor.derivedKeys(g, request.registrationId()))
                    .orElse(List.of());
            SasVerification verification = DeviceSasVerifier.verify(sas.token(), request.idScope(), request.registrationId(),
                    keys, clock.instant());
            return verification instanceof SasVerification.Rejected rejected
                    ? Optional.of(rejected.failure() + ": " + rejected.detail()) : Optional.empty();
        }
        if (request.credentials() instanceof DeviceCredentials.ClientCertificates certificates
                && !certificates.chain().isEmpty()
                && X509ChainCheck.parsed(certificates.chain().getFirst()).sha256Thumbprint().equals(binding)) {
            return Optional.empty();
        }
        return Optional.of("the poll did not present the certificate the registration was made with");
    }

    static List<SasKey> keysOf(IndividualEnrollment enrollment) {
        var keys = enrollment.attestation().symmetricKey();
        return keys == null ? List.of() : List.of(SasKey.primary(keys.primaryKey()), SasKey.secondary(keys.secondaryKey()));
    }

    private static boolean matches(io.localdps.enrollment.Attestation.Certificate certificate, String sha256) {
        return certificate != null && certificate.info() != null && sha256.equalsIgnoreCase(certificate.info().sha256Thumbprint());
    }

    private static Attestation refusedIndividual(IndividualEnrollment enrollment, String detail) {
        boolean certificate = enrollment.attestationType() == AttestationType.X509;
        return new Attestation.Refused(401, 401002, certificate ? "Invalid certificate" : "Unauthorized",
                detail, enrollment.attestationType(), null, true);
    }

    static String describe(DeviceCredentials credentials) {
        return switch (credentials) {
            case DeviceCredentials.SasToken sas -> "a SAS token";
            case DeviceCredentials.ClientCertificates certificates -> "a client certificate";
            case DeviceCredentials.None none -> "no credentials";
        };
    }
}
