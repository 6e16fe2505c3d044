package io.localdps.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server key and certificate chain both device endpoints (MQTT and HTTPS) present. Either
 * configured ({@code dps.tls.certificate}, {@code dps.tls.private-key}) or generated once and
 * shared by every node.
 */
public interface DeviceTlsMaterial {

    PrivateKey privateKey();

    /** Server certificate first, then its issuers. */
    List<X509Certificate> certificateChain();

    /** The certificate devices must trust: the issuing CA of a generated chain, else the chain's last certificate. */
    X509Certificate trustAnchor();
}
