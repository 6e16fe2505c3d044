package io.localdps.simulation;

import io.localdps.common.InvalidInputException;
import io.localdps.enrollment.Attestation.CertificatePair;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.hub.LinkedHubService;
import io.localdps.lab.LabCertificateService;
import io.localdps.lab.LabSigningCa;
import io.localdps.simulator.Attestation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the chosen target into the engine's attestation: a symmetric group's primary key, a lab
 * CA's certificate and unsealed key for an X.509 group, or (through {@link IndividualEnrollments})
 * the individual enrollments the devices need. Also predicts each hub's share from the
 * enrollment's allocation settings.
 */
final class FleetPreparer {

    /** Minted leaves outlive a run and its re-runs; the engine keeps them in memory only. */
    static final Duration LEAF_VALIDITY = Duration.ofDays(30);

    private final EnrollmentGroupService groups;
    private final LabCertificateService lab;
    private final LinkedHubService hubs;

    FleetPreparer(EnrollmentGroupService groups, LabCertificateService lab, LinkedHubService hubs) {
        this.groups = groups;
        this.lab = lab;
        this.hubs = hubs;
    }

    /** Symmetric-key groups and X.509 groups, by name, then the two kinds of individual enrollment. */
    List<SimulationTarget> targets() {
        List<SimulationTarget> targets = new ArrayList<>();
        Stream.concat(
                        groups.withAttestation(io.localdps.enrollment.AttestationType.SYMMETRIC_KEY).stream()
                                .map(g -> SimulationTarget.group(SimulationTarget.Kind.SYMMETRIC_GROUP, g.enrollmentGroupId())),
                        groups.withAttestation(io.localdps.enrollment.AttestationType.X509).stream()
                                .map(g -> SimulationTarget.group(SimulationTarget.Kind.X509_GROUP, g.enrollmentGroupId())))
                .sorted((a, b) -> a.groupId().compareToIgnoreCase(b.groupId()))
                .forEach(targets::add);
        targets.add(SimulationTarget.symmetricIndividual());
        targets.add(SimulationTarget.tpmIndividual());
        return targets;
    }

    Attestation groupAttestation(SimulationTarget target) {
        EnrollmentGroup group = groups.find(target.groupId()).orElseThrow(() ->
                new InvalidInputException(SimulationRules.TARGET, "The enrollment group " + target.groupId() + " no longer exists."));
        io.localdps.enrollment.Attestation attestation = group.attestation();
        if (target.kind() == SimulationTarget.Kind.SYMMETRIC_GROUP) {
            if (attestation.symmetricKey() == null) {
                throw new InvalidInputException(SimulationRules.TARGET, "The group " + group.enrollmentGroupId()
                        + " no longer uses symmetric keys.");
            }
            return new Attestation.SymmetricGroup(attestation.symmetricKey().primaryKey());
        }
        LabSigningCa ca = signingThumbprints(attestation).stream()
                .map(lab::signingCa).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new InvalidInputException(SimulationRules.TARGET, "The certificate lab does not hold "
                        + "the CA of the group " + group.enrollmentGroupId() + ", so it cannot issue its devices' "
                        + "certificates. Create the group's CA in the certificate lab and add it to the store."));
        return new Attestation.X509Issued(ca.chain(), ca.privateKey(), LEAF_VALIDITY);
    }

    /** Upper-case SHA-256 thumbprints of the CAs a group's devices must chain to, primary first. */
    private List<String> signingThumbprints(io.localdps.enrollment.Attestation attestation) {
        List<String> thumbprints = new ArrayList<>();
        var x509 = attestation.x509();
        if (x509 == null) {
            return thumbprints;
        }
        if (x509.caReferences() != null) {
            Stream.of(x509.caReferences().primary(), x509.caReferences().secondary())
                    .filter(name -> name != null && !name.isBlank())
                    .forEach(name -> thumbprints.add(lab.storeCertificate(name).sha256Thumbprint()));
        }
        CertificatePair signing = x509.signingCertificates();
        if (signing != null) {
            Stream.of(signing.primary(), signing.secondary())
                    .filter(certificate -> certificate != null && certificate.info() != null)
                    .forEach(certificate -> thumbprints.add(certificate.info().sha256Thumbprint()));
        }
        return thumbprints;
    }

    /** What the enrollment's allocation settings predict; individual enrollments of a run use the defaults. */
    Map<String, Double> predictedShares(SimulationTarget target) {
        EnrollmentSettings settings = target.kind().group()
                ? groups.find(target.groupId()).map(EnrollmentGroup::settings).orElse(EnrollmentSettings.defaults())
                : IndividualEnrollments.SETTINGS;
        return PredictedShares.of(settings, hubs.all());
    }
}
