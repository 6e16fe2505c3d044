package io.localdps.certificate;

import java.util.List;

/**
 * The instance's store of CA certificates, as enrollment groups see it through
 * {@code attestation.x509.caReferences}. Implemented by the CA certificate feature.
 */
public interface CaCertificateDirectory {

    boolean exists(String certificateName);

    /** Names of the certificates whose proof of possession is done, for the group wizard's choice. */
    List<String> verifiedCertificateNames();
}
