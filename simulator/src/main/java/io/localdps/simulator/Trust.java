package io.localdps.simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Which server certificates the simulated devices accept: the DPS's CA (as a device is given
 * with {@code OPTION_TRUSTED_CERT} or a custom trust store), or anything (demos only).
 *
 * @param anchors        trust anchors; empty when {@code trustAll}
 * @param trustAll       accept any server certificate and skip host-name checks
 * @param verifyHostName check that the server certificate names the host dialled (false with {@code trustAll})
 */
public record Trust(List<X509Certificate> anchors, boolean trustAll, boolean verifyHostName) {

    public Trust {
        anchors = List.copyOf(anchors);
        if (!trustAll && anchors.isEmpty()) {
            throw new IllegalArgumentException("trust needs at least one CA certificate, or trust-all");
        }
        verifyHostName = verifyHostName && !trustAll;
    }

    /** Anchors and trust-all as before; the host name is checked unless everything is trusted. */
    public Trust(List<X509Certificate> anchors, boolean trustAll) {
        this(anchors, trustAll, !trustAll);
    }

    /**
     * Trusts these CA certificates without checking the host name: for devices that reach their
     * server under another name than its certificate's, e.g. a fleet run inside the DPS node dialling
     * {@code localhost} while the certificate names the public host. The chain is still verified.
     */
    public static Trust certificatesForAnyHost(X509Certificate... anchors) {
        return new Trust(List.of(anchors), false, false);
    }

    /** Trusts these CA certificates (and verifies the host name). */
    public static Trust certificates(X509Certificate... anchors) {
        return new Trust(List.of(anchors), false);
    }

    /** Trusts the certificates of a PEM text (one or more {@code BEGIN CERTIFICATE} blocks). */
    public static Trust pem(String pem) {
        return new Trust(parsePem(pem), false);
    }

    /** Accepts any server certificate: for demos against a server whose CA is not at hand. */
    public static Trust all() {
        return new Trust(List.of(), true);
    }

    /** Every certificate of a PEM text, in order. */
    public static List<X509Certificate> parsePem(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = factory.generateCertificates(
                            new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the PEM text");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
        }
    }
}
