package io.localdps.certificate;

/**
 * The instance's store of CA certificates, as enrollment groups see it through
 * {@code attestation.x509.caReferences}. Implemented by the CA certificate feature.
 */
public interface CaCertificateDirectory {

    boolean exists(String certificateName);
}
