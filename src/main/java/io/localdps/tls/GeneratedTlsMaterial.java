package io.localdps.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The generated device CA and server certificate, created on the first start and read from the
 * database on every later start and on every other node. The CA never changes; a new server
 * certificate (next generation, same CA) is issued when the stored one does not cover the
 * configured host names or is about to expire. The new one keeps the old names as well, so
 * devices configured with a previous name keep working and nodes configured differently do not
 * take turns replacing each other's certificate.
 */
final class GeneratedTlsMaterial {

    private static final Logger log = LoggerFactory.getLogger(GeneratedTlsMaterial.class);
    /** Renew well before expiry: a node started within this window issues a fresh certificate. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String FALLBACK_COMMON_NAME = "LocalDPS device endpoint";
    private static final int MAX_COMMON_NAME = 64;
    private static final int ATTEMPTS = 5;

    private GeneratedTlsMaterial() {
    }

    static DeviceTlsMaterial obtain(DeviceTlsStore store, String deviceHost, String serviceHost, Clock clock) {
        DeviceCertificateIssuer.Issued ca = certificateAuthority(store, clock);
        ServerNames wanted = ServerNames.forHosts(deviceHost, serviceHost);
        Optional<DeviceTlsStore.Stored> server = store.current(DeviceTlsStore.SERVER);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (server.isPresent() && fits(server.get().keyPair().certificate(), ca, wanted, clock.instant())) {
                return material(server.get().keyPair(), ca);
            }
            ServerNames names = server.map(stored -> ServerNames.of(stored.keyPair().certificate()).union(wanted))
                    .orElse(wanted);
            int generation = server.map(stored -> stored.generation() + 1).orElse(1);
            DeviceCertificateIssuer.Issued issued = DeviceCertificateIssuer.serverCertificate(ca,
                    commonName(deviceHost), names, clock.instant());
            DeviceTlsStore.Stored winner = store.insertOrReadWinner(DeviceTlsStore.SERVER, generation, issued, clock.instant());
            if (winner.keyPair().certificate().equals(issued.certificate())) {
                log.info("Device TLS: issued server certificate generation {} for {}, valid until {}",
                        generation, names, issued.certificate().getNotAfter().toInstant());
            }
            // Another node may have won with a certificate for other names: check it like a stored one.
            server = Optional.of(winner);
        }
        throw new IllegalStateException("Could not agree on a device server certificate with the other nodes after "
                + ATTEMPTS + " attempts; check that all nodes use the same dps.device-host");
    }

    private static DeviceCertificateIssuer.Issued certificateAuthority(DeviceTlsStore store, Clock clock) {
        Optional<DeviceTlsStore.Stored> stored = store.current(DeviceTlsStore.CA);
        if (stored.isPresent()) {
            return stored.get().keyPair();
        }
        DeviceCertificateIssuer.Issued generated = DeviceCertificateIssuer.certificateAuthority(clock.instant());
        DeviceCertificateIssuer.Issued winner = store.insertOrReadWinner(DeviceTlsStore.CA, 1, generated, clock.instant())
                .keyPair();
        if (winner.certificate().equals(generated.certificate())) {
            log.info("Device TLS: generated the {} (SHA-256 fingerprint {}); devices must trust it, "
                    + "download it from the console's Overview page", DeviceCertificateIssuer.CA_COMMON_NAME,
                    fingerprint(winner.certificate()));
        }
        return winner;
    }

    private static boolean fits(X509Certificate certificate, DeviceCertificateIssuer.Issued ca, ServerNames wanted,
                                Instant now) {
        return wanted.coveredBy(ServerNames.of(certificate))
                && certificate.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))
                && issuedBy(certificate, ca.certificate());
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static DeviceTlsMaterial material(DeviceCertificateIssuer.Issued server, DeviceCertificateIssuer.Issued ca) {
        return new ServerTlsMaterial(server.privateKey(), List.of(server.certificate(), ca.certificate()), ca.certificate());
    }

    private static String commonName(String deviceHost) {
        return deviceHost == null || deviceHost.isBlank() || deviceHost.length() > MAX_COMMON_NAME
                ? FALLBACK_COMMON_NAME : deviceHost.trim();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
