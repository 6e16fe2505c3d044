package io.localdps.registration;

import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateService;
import io.localdps.enrollment.EnrollmentGroup;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The certificates X.509 enrollment groups trust, as one list to match a device's chain against:
 * the groups' own signing certificates, and the store certificates their caReferences name. The
 * store is read on every call (at most 25 rows) because a certificate's verified status must be
 * the one of the moment the device authenticates (security.md §3.2).
 */
final class GroupAnchors {

    private final List<Anchor> anchors = new ArrayList<>();
    private final List<String> unresolved = new ArrayList<>();

    private GroupAnchors() {
    }

    static GroupAnchors of(List<EnrollmentGroup> groups, CaCertificateService caCertificates) {
        GroupAnchors result = new GroupAnchors();
        Map<String, CaCertificate> store = null;
        for (EnrollmentGroup group : groups) {
            var x509 = group.attestation().x509();
            if (x509 == null) {
                continue;
            }
            if (x509.signingCertificates() != null) {
                for (var certificate : new io.localdps.enrollment.Attestation.Certificate[]{
                        x509.signingCertificates().primary(), x509.signingCertificates().secondary()}) {
                    if (certificate != null && certificate.info() != null) {
                        result.anchors.add(new Anchor(group, certificate.certificate(),
                                certificate.info().sha256Thumbprint(), null, true));
                    }
                }
            }
            if (x509.caReferences() != null) {
                if (store == null) {
                    store = caCertificates.all().stream().collect(Collectors.toMap(
                            c -> c.name().toLowerCase(Locale.ROOT), Function.identity()));
                }
                for (String name : new String[]{x509.caReferences().primary(), x509.caReferences().secondary()}) {
                    if (name == null || name.isBlank()) {
                        continue;
                    }
                    CaCertificate ca = store.get(name.toLowerCase(Locale.ROOT));
                    if (ca == null) {
                        result.unresolved.add("enrollment group " + group.enrollmentGroupId() + " references the CA certificate \""
                                + name + "\", which is no longer in the certificate store");
                    } else {
                        result.anchors.add(new Anchor(group, ca.pem(), ca.sha256Thumbprint(), ca.name(), ca.verified()));
                    }
                }
            }
        }
        return result;
    }

    List<Anchor> all() {
        return anchors;
    }

    /** Group references to certificates that are gone, to explain a refusal. */
    List<String> unresolved() {
        return unresolved;
    }

    /**
     * One trusted certificate of a group. {@code caName} is set for certificates of the store; for
     * them {@code verified} tells whether the proof of possession is done (or was skipped on upload).
     */
    record Anchor(EnrollmentGroup group, String pem, String sha256Thumbprint, String caName, boolean verified) {

        boolean is(String sha256) {
            return sha256Thumbprint != null && sha256Thumbprint.equalsIgnoreCase(sha256);
        }

        X509Certificate certificate() {
            return Certificates.toX509(pem);
        }
    }
}
