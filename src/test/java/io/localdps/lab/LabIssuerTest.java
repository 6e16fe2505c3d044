package io.localdps.lab;

import io.localdps.lab.LabIssuer.Issued;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The lab's certificates as other software sees them: the JDK's PKIX validator and its PKCS#12 reader. */
class LabIssuerTest {

    private static final Instant NOW = Instant.now();

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void aDeviceCertificateChainsThroughTheIntermediateToTheRoot(KeyAlgorithm algorithm) throws Exception {
        Issued root = LabIssuer.root("Lab Root", algorithm, 365, NOW);
        Issued intermediate = LabIssuer.issue(root, "Lab Intermediate", LabIssuer.Role.INTERMEDIATE, algorithm, 200, NOW);
        Issued device = LabIssuer.issue(intermediate, "device-01", LabIssuer.Role.DEVICE, algorithm, 30, NOW);

        assertThatCode(() -> validate(List.of(device.certificate(), intermediate.certificate()), root.certificate()))
                .doesNotThrowAnyException();
        assertThat(device.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=device-01");
        assertThat(device.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(device.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(intermediate.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(device.privateKey().getAlgorithm()).isEqualTo(algorithm == KeyAlgorithm.RSA_2048 ? "RSA" : "EC");
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void aCertificateOfAnotherRootDoesNotValidate(KeyAlgorithm algorithm) {
        Issued root = LabIssuer.root("Lab Root", algorithm, 365, NOW);
        Issued stranger = LabIssuer.root("Lab Root", algorithm, 365, NOW);
        Issued device = LabIssuer.issue(stranger, "device-01", LabIssuer.Role.DEVICE, algorithm, 30, NOW);

        assertThatThrownBy(() -> validate(List.of(device.certificate()), root.certificate()))
                .isInstanceOf(java.security.cert.CertPathValidatorException.class);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void aPkcs12FileOpensWithItsPasswordAndHoldsKeyAndChain(KeyAlgorithm algorithm) throws Exception {
        Issued root = LabIssuer.root("Lab Root", algorithm, 365, NOW);
        Issued device = LabIssuer.issue(root, "device-01", LabIssuer.Role.DEVICE, algorithm, 30, NOW);
        String chain = io.localdps.tls.Pem.certificates(List.of(device.certificate(), root.certificate()));

        byte[] file = LabFiles.pkcs12("device-01", device.privateKey(), chain, "correct horse".toCharArray());

        KeyStore opened = KeyStore.getInstance("PKCS12");
        opened.load(new ByteArrayInputStream(file), "correct horse".toCharArray());
        assertThat(opened.getKey("device-01", "correct horse".toCharArray())).isEqualTo(device.privateKey());
        assertThat(opened.getCertificateChain("device-01")).containsExactly(device.certificate(), root.certificate());
        assertThatThrownBy(() -> KeyStore.getInstance("PKCS12").load(new ByteArrayInputStream(file), "wrong horse".toCharArray()))
                .isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void aVerificationCertificateIsSignedByTheCaWithTheCodeAsCn(KeyAlgorithm algorithm) throws Exception {
        Issued root = LabIssuer.root("Lab Root", algorithm, 365, NOW);
        Issued proof = LabIssuer.issue(root, "ABC123", LabIssuer.Role.VERIFICATION, KeyAlgorithm.EC_P256, 30, NOW);

        proof.certificate().verify(root.certificate().getPublicKey());
        assertThat(proof.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=ABC123");
    }

    static void validate(List<X509Certificate> path, X509Certificate root) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
    }
}
