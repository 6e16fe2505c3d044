package io.localdps.registration;

import io.localdps.certificate.CertificateParser;
import io.localdps.certificate.ParsedCertificate;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks the chain a device presented, from its leaf up to the enrollment's certificate: every
 * link signed by the next, every certificate within its validity, every issuer a CA
 * (security.md §3.2). Answers with the first broken link, in words an admin understands.
 */
final class X509ChainCheck {

    private X509ChainCheck() {
    }

    /**
     * @param chain  as presented, leaf first
     * @param anchor index in the chain of the certificate the enrollment names
     * @return the problem, or empty when the path leaf → anchor is sound
     */
    static Optional<String> problem(List<X509Certificate> chain, int anchor, Instant now) {
        for (int i = 0; i <= anchor; i++) {
            X509Certificate certificate = chain.get(i);
            String name = subject(certificate);
            try {
                certificate.checkValidity(java.util.Date.from(now));
            } catch (GeneralSecurityException e) {
                return Optional.of("certificate " + name + " is not valid now (valid " + certificate.getNotBefore().toInstant()
                        + " to " + certificate.getNotAfter().toInstant() + ")");
            }
            if (i == anchor) {
                break;
            }
            X509Certificate issuer = chain.get(i + 1);
            if (issuer.getBasicConstraints() < 0) {
                return Optional.of("certificate " + subject(issuer) + " signs " + name + " but is not a CA");
            }
            try {
                certificate.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                return Optional.of("certificate " + name + " is not signed by " + subject(issuer));
            }
        }
        return Optional.empty();
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    static ParsedCertificate parsed(X509Certificate certificate) {
        try {
            return CertificateParser.parse(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("unreadable certificate", e);
        }
    }
}
