package io.localdps.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The device endpoints' own server certificate ({@code dps.tls.*}, or {@code DPS_TLS_CERTIFICATE} and
 * {@code DPS_TLS_PRIVATE_KEY}). Both unset: LocalDPS generates a CA and a server certificate once and
 * keeps them in the database.
 *
 * @param certificate PEM file with the server certificate first, then its intermediates (and
 *                    optionally the root, which devices must trust)
 * @param privateKey  PEM file with the server certificate's unencrypted private key (PKCS#8, or
 *                    PKCS#1 RSA / SEC1 EC as openssl writes them)
 */
@ConfigurationProperties("dps.tls")
public record TlsProperties(Path certificate, Path privateKey) {

    /** True when the operator gave a certificate or a key; then both must be there and valid. */
    public boolean configured() {
        return certificate != null || privateKey != null;
    }
}
