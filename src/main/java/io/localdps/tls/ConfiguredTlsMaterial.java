package io.localdps.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Loads the operator's PEM files. Every problem stops the start with a message naming the
 * property and the file, because a device endpoint with a broken certificate fails for every
 * device and only shows up as handshake errors on their side.
 */
final class ConfiguredTlsMaterial {

    private ConfiguredTlsMaterial() {
    }

    static DeviceTlsMaterial load(TlsProperties properties) {
        if (properties.certificate() == null || properties.privateKey() == null) {
            throw new IllegalStateException("Set both dps.tls.certificate and dps.tls.private-key (PEM files), "
                    + "or neither to let LocalDPS generate a certificate; only "
                    + (properties.certificate() == null ? "dps.tls.private-key" : "dps.tls.certificate") + " is set.");
        }
        List<X509Certificate> chain = certificates(properties.certificate());
        PrivateKey key = privateKey(properties.privateKey());
        try {
            return new ServerTlsMaterial(key, chain, chain.getLast());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dps.tls.private-key (" + properties.privateKey()
                    + ") does not match dps.tls.certificate (" + properties.certificate() + "): " + e.getMessage()
                    + ". The first certificate in the file must be the one issued for this key.", e);
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        try {
            return Pem.readCertificates(read("dps.tls.certificate", file));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dps.tls.certificate (" + file + ") is not a PEM certificate chain: "
                    + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        try {
            return Pem.readPrivateKey(read("dps.tls.private-key", file));
        } catch (IllegalArgumentException e) {
            // The cause may quote the parser, never the key: Pem's messages name only what was found.
            throw new IllegalStateException("dps.tls.private-key (" + file + ") is not a usable PEM private key: "
                    + e.getMessage(), e);
        }
    }

    private static String read(String property, Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(property + " (" + file + ") cannot be read: " + e, e);
        }
    }
}
