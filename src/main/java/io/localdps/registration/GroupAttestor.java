package io.localdps.registration;

import io.localdps.attestation.DeviceSasVerifier;
import io.localdps.attestation.SasFailure;
import io.localdps.attestation.SasKey;
import io.localdps.attestation.SasVerification;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.certificate.CaCertificateService;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.common.AuditedChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

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
import java.util.function.Supplier;

/**
 * Finds the enrollment group of a device that has no individual enrollment (behaviour.md §3.2):
 * for a SAS token, the group whose derived key verifies it; for a certificate chain, the first
 * group certificate met walking from the leaf toward the root: a group's own signing certificate
 * or a store certificate its caReferences name, which must then be verified.
 *
 * <p>Groups are read at most every {@link #FRESHNESS} (a registration may try all of them, up to
 * 200 HMACs), so a change made on another node is seen within that bound; one made on this node
 * is seen as soon as it commits.
 */
@Component
class GroupAttestor {

    static final Duration FRESHNESS = Duration.ofSeconds(2);

    private final EnrollmentGroupService groups;
    private final CaCertificateService caCertificates;
    private final Clock clock;
    private final Map<AttestationType, Snapshot> snapshots = new ConcurrentHashMap<>();

    GroupAttestor(EnrollmentGroupService groups, CaCertificateService caCertificates, Clock clock) {
        this.groups = groups;
        this.caCertificates = caCertificates;
        this.clock = clock;
    }

    /** A group or CA certificate changed on this node: its devices must not wait for the next reload. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void configurationChanged(AuditedChange change) {
        if (change.kind() == AuditedChange.Kind.ENROLLMENT_GROUP || change.kind() == AuditedChange.Kind.CA_CERTIFICATE) {
            snapshots.clear();
        }
    }

    /**
     * @param knownGroup the group of the device's existing record, asked for only when it matters: to
     *                   try that group first among several, and to name it on a refusal
     */
    Attestation symmetricKey(DeviceRequest request, String token, Supplier<String> knownGroup) {
        List<EnrollmentGroup> candidates = new ArrayList<>(groupsOf(AttestationType.SYMMETRIC_KEY));
        String knownGroupId = candidates.size() > 1 ? knownGroup.get() : null;
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
                        AttestationType.SYMMETRIC_KEY, knownGroup.get());
            }
            firstFailure = firstFailure == null ? rejected : firstFailure;
        }
        String detail = candidates.isEmpty()
                ? "there is no individual enrollment for this registration ID and no symmetric-key enrollment group"
                : "the SAS signature matches no key derived from the " + candidates.size()
                  + " symmetric-key enrollment group(s), and there is no individual enrollment for this registration ID";
        return refused(detail, AttestationType.SYMMETRIC_KEY, knownGroup.get());
    }

    Attestation x509(DeviceRequest request, List<X509Certificate> presented, Supplier<String> knownGroup) {
        if (presented.isEmpty()) {
            return refused("no client certificate", AttestationType.X509, null);
        }
        var leaf = X509ChainCheck.parsed(presented.getFirst());
        Optional<String> commonName = leaf.commonName();
        if (commonName.isEmpty() || !commonName.get().equalsIgnoreCase(request.registrationId())) {
            return refused("the certificate's subject CN (" + commonName.orElse("none") + ") is not the registration ID "
                    + request.registrationId(), AttestationType.X509, null);
        }
        GroupAnchors anchors = GroupAnchors.of(groupsOf(AttestationType.X509), caCertificates);
        List<X509Certificate> chain = new ArrayList<>(presented);
        for (int i = 1; i < chain.size(); i++) {
            String thumbprint = X509ChainCheck.parsed(chain.get(i)).sha256Thumbprint();
            Optional<GroupAnchors.Anchor> anchor = anchors.all().stream().filter(a -> a.is(thumbprint)).findFirst();
            if (anchor.isPresent()) {
                return chainThrough(anchor.get(), chain, i, leaf);
            }
        }
        // The device may send its chain without the group's certificate when that certificate issued its top.
        X509Certificate top = chain.getLast();
        for (GroupAnchors.Anchor anchor : anchors.all()) {
            X509Certificate groupCertificate = anchor.certificate();
            if (top.getIssuerX500Principal().equals(groupCertificate.getSubjectX500Principal())) {
                chain.add(groupCertificate);
                return chainThrough(anchor, chain, chain.size() - 1, leaf);
            }
        }
        String gone = anchors.unresolved().isEmpty() ? "" : "; note: " + String.join("; ", anchors.unresolved());
        return refused("no enrollment group holds a certificate of the presented chain (leaf issued by "
                + presented.getFirst().getIssuerX500Principal().getName() + ")" + gone, AttestationType.X509, knownGroup.get());
    }

    private Attestation chainThrough(GroupAnchors.Anchor anchor, List<X509Certificate> chain, int anchorIndex,
                                     io.localdps.certificate.ParsedCertificate leaf) {
        EnrollmentGroup group = anchor.group();
        if (group.settings().enabled()) {
            if (anchor.caName() != null && !anchor.verified()) {
                return refused("the chain reaches the CA certificate \"" + anchor.caName() + "\" that enrollment group "
                        + group.enrollmentGroupId() + " references, but that certificate is not verified: prove possession "
                        + "of its private key on the console's Certificates page", AttestationType.X509, group.enrollmentGroupId());
            }
            Optional<String> problem = X509ChainCheck.problem(chain, anchorIndex, clock.instant());
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

    /**
     * A symmetric-key group by ID for a status poll: from the snapshot register calls are attested
     * against while it is fresh (so within the same {@link #FRESHNESS}), else read. A poll never
     * reloads the snapshot: that would only move its next reload later for the register calls.
     */
    Optional<EnrollmentGroup> symmetricKeyGroup(String enrollmentGroupId) {
        Snapshot snapshot = snapshots.get(AttestationType.SYMMETRIC_KEY);
        if (snapshot != null && !snapshot.loaded().plus(FRESHNESS).isBefore(clock.instant())) {
            for (EnrollmentGroup group : snapshot.groups()) {
                if (group.enrollmentGroupId().equalsIgnoreCase(enrollmentGroupId)) {
                    return Optional.of(group);
                }
            }
        }
        return groups.find(enrollmentGroupId);
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
