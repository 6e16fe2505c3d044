package io.localdps.certificate;

import java.time.Instant;

/**
 * What the service API and the console show of a certificate (service-api.md §3.3): subject and
 * issuer as RFC 4514 strings, thumbprints and serial in upper-case hex.
 */
public record X509CertificateInfo(
        String subjectName,
        String sha1Thumbprint,
        String sha256Thumbprint,
        String issuerName,
        Instant notBeforeUtc,
        Instant notAfterUtc,
        String serialNumber,
        int version) {
}
