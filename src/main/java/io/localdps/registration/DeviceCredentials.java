package io.localdps.registration;

import java.security.cert.X509Certificate;
import java.util.List;

/** How a device authenticated one request. */
public sealed interface DeviceCredentials {

    /** A {@code SharedAccessSignature ...} token: the HTTP Authorization header or the MQTT password. */
    record SasToken(String token) implements DeviceCredentials {
        /** A token is a credential until it expires: it never reaches a log through {@code toString}. */
        @Override
        public String toString() {
            return "SasToken[(secret)]";
        }
    }

    /** The TLS client certificate chain the device presented, leaf first (validated by DPS, not by TLS). */
    record ClientCertificates(List<X509Certificate> chain) implements DeviceCredentials {
        public ClientCertificates {
            chain = List.copyOf(chain);
        }
    }

    /** No credentials: the first step of TPM attestation, or a device that forgot them. */
    record None() implements DeviceCredentials {
    }
}
