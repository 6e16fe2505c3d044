package io.localdps.registration;

import io.localdps.attestation.DeviceSasVerifier;
import io.localdps.attestation.SasFailure;
import io.localdps.attestation.SasKey;
import io.localdps.attestation.SasVerification;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import org.springframework.stereotype.Component;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the enrollment group of a device that has no individual enrollment (behaviour.md §3.2):
 * for a SAS token, the group whose derived key verifies it; for a certificate chain, the first
 * group certificate met walking from the leaf toward the root.
 *
 * <p>Groups are read at most every {@link #FRESHNESS} (a registration may try all of them, up to
 * 200 HMACs), so a change made on any node is seen within that bound.
 */
@Component
class GroupAttestor {

    static final Duration FRESHNESS = Duration.ofSeconds(2);

    private final EnrollmentGroupService groups;
    private final Clock clock;
    private final Map<AttestationType, Snapshot> snapshots = new ConcurrentHashMap<>();

    GroupAttestor(EnrollmentGroupService groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    Attestation symmetricKey(DeviceRequest request, String token, String knownGroupId) {
        List<EnrollmentGroup> candidates = new ArrayList<>(groupsOf(AttestationType.SYMMETRIC_KEY));
        if (knownGroupId != null) {
            candidates.sort(Comparator.comparing(group -> !group.enrollmentGroupId().equalsIgnoreCase(knownGroupId)));
        }
        Instant now = clock.instant();
        SasVerification.Rejected firstFailure = null;
        for (EnrollmentGroup group : candidates) {
            SasVerification verification = DeviceSasVerifier.verify(token, request.idScope(), request.registrationId(),
                    derivedKeys(group, request.registrationId()), now);
            if (verification.accepted()) {
                return new Attestation.Authenticated(AttestationType.SYMMETRIC_KEY, null, group,
                        DeviceAttestor.BINDING_SAS, null, null, null);
            }
            SasVerification.Rejected rejected = (SasVerification.Rejected) verification;
            if (rejected.failure() != SasFailure.SIGNATURE_MISMATCH) {
                // Malformed, expired or for another resource: no key will change that.
                return refused("SAS token refused (" + rejected.failure() + "): " + rejected.detail(),
                        AttestationType.SYMMETRIC_KEY, knownGroupId);
            }
            firstFailure = firstFailure == null ? rejected : firstFailure;
        }
        String detail = candidates.isEmpty()
                ? "there is no individual enrollment for this registration ID and no symmetric-key enrollment group"
                : "the SAS signature matches no key derived from the " + candidates.size()
                  + " symmetric-key enrollment group(s), and there is no individual enrollment for this registration ID";
        return refused(detail, AttestationType.SYMMETRIC_KEY, knownGroupId);
    }

    Attestation x509(DeviceRequest request, List<X509Certificate> presented) {
        if (presented.isEmpty()) {
            return refused("no client certificate", AttestationType.X509, null);
        }
        var leaf = X509ChainCheck.parsed(presented.getFirst());
        Optional<String> commonName = leaf.commonName();
        if (commonName.isEmpty() || !commonName.get().equalsIgnoreCase(request.registrationId())) {
            return refused("the certificate's subject CN (" + commonName.orElse("none") + ") is not the registration ID "
                    + request.registrationId(), AttestationType.X509, null);
        }
        List<EnrollmentGroup> candidates = groupsOf(AttestationType.X509);
        List<X509Certificate> chain = new ArrayList<>(presented);
        for (int i = 1; i < chain.size(); i++) {
            String thumbprint = X509ChainCheck.parsed(chain.get(i)).sha256Thumbprint();
            Optional<EnrollmentGroup> group = candidates.stream().filter(g -> holds(g, thumbprint)).findFirst();
            if (group.isPresent()) {
                return chainThrough(group.get(), chain, i, leaf);
            }
        }
        // The device may send its leaf alone when the group holds the leaf's direct issuer.
        for (EnrollmentGroup group : candidates) {
            for (X509Certificate groupCertificate : certificatesOf(group)) {
                X509Certificate top = chain.getLast();
                if (top.getIssuerX500Principal().equals(groupCertificate.getSubjectX500Principal())) {
                    chain.add(groupCertificate);
                    return chainThrough(group, chain, chain.size() - 1, leaf);
                }
            }
        }
        return refused("no enrollment group holds a certificate of the presented chain (leaf issued by "
                + presented.getFirst().getIssuerX500Principal().getName() + ")", AttestationType.X509, null);
    }

    private Attestation chainThrough(EnrollmentGroup group, List<X509Certificate> chain, int anchor,
                                     io.localdps.certificate.ParsedCertificate leaf) {
        if (group.settings().enabled()) {
            Optional<String> problem = X509ChainCheck.problem(chain, anchor, clock.instant());
            if (problem.isPresent()) {
                return refused(problem.get() + " (enrollment group " + group.enrollmentGroupId() + ")",
                        AttestationType.X509, group.enrollmentGroupId());
            }
        }
        return new Attestation.Authenticated(AttestationType.X509, null, group, leaf.sha256Thumbprint(),
                leaf.sha1Thumbprint(), null, null);
    }

    static List<SasKey> derivedKeys(EnrollmentGroup group, String registrationId) {
        var keys = group.attestation().symmetricKey();
        if (keys == null) {
            return List.of();
        }
        return List.of(SasKey.primary(SymmetricKeys.deriveDeviceKey(keys.primaryKey(), registrationId)),
                SasKey.secondary(SymmetricKeys.deriveDeviceKey(keys.secondaryKey(), registrationId)));
    }

    private static boolean holds(EnrollmentGroup group, String sha256) {
        var signing = group.attestation().x509() == null ? null : group.attestation().x509().signingCertificates();
        if (signing == null) {
            return false;
        }
        return matches(signing.primary(), sha256) || matches(signing.secondary(), sha256);
    }

    private static boolean matches(io.localdps.enrollment.Attestation.Certificate certificate, String sha256) {
        return certificate != null && certificate.info() != null && sha256.equalsIgnoreCase(certificate.info().sha256Thumbprint());
    }

    private static List<X509Certificate> certificatesOf(EnrollmentGroup group) {
        var signing = group.attestation().x509() == null ? null : group.attestation().x509().signingCertificates();
        List<X509Certificate> certificates = new ArrayList<>();
        if (signing != null) {
            for (var certificate : new io.localdps.enrollment.Attestation.Certificate[]{signing.primary(), signing.secondary()}) {
                if (certificate != null) {
                    certificates.add(Certificates.toX509(certificate.certificate()));
                }
            }
        }
        return certificates;
    }

    private List<EnrollmentGroup> groupsOf(AttestationType type) {
        Instant now = clock.instant();
        Snapshot snapshot = snapshots.get(type);
        if (snapshot == null || snapshot.loaded().plus(FRESHNESS).isBefore(now)) {
            snapshot = new Snapshot(List.copyOf(groups.withAttestation(type)), now);
            snapshots.put(type, snapshot);
        }
        return snapshot.groups();
    }

    private static Attestation.Refused refused(String detail, AttestationType type, String groupId) {
        boolean certificate = type == AttestationType.X509;
        return new Attestation.Refused(401, 401002, certificate ? "Invalid certificate" : "Unauthorized",
                detail, type, groupId, groupId != null);
    }

    private record Snapshot(List<EnrollmentGroup> groups, Instant loaded) {
    }
}
