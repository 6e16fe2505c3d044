package io.localdps.tls;

import io.localdps.certificate.TestCertificates;
import io.localdps.certificate.TestCertificates.Issued;
import io.localdps.certificate.TestCertificates.KeyType;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's {@code dps.tls.certificate} and {@code dps.tls.private-key} PEM files. */
class ConfiguredTlsMaterialTest {

    @TempDir
    Path directory;

    private final Issued root = TestCertificates.rootCa("Operator Root CA");
    private final Issued intermediate = TestCertificates.certificate("Operator Issuing CA").ca().signedBy(root).build();
    private final Issued server = TestCertificates.certificate("dps.example.local").keyType(KeyType.RSA_2048)
            .signedBy(intermediate).build();

    @Test
    void theConfiguredChainAndPkcs8KeyAreUsedWithTheLastCertificateAsTrustAnchor() {
        PemFiles files = new PemFiles(directory);

        DeviceTlsMaterial material = ConfiguredTlsMaterial.load(new TlsProperties(
                files.certificates("chain.pem", server, intermediate, root), files.pkcs8Key("key.pem", server)));

        assertThat(material.certificateChain()).containsExactly(PemFiles.x509(server), PemFiles.x509(intermediate),
                PemFiles.x509(root));
        assertThat(material.trustAnchor()).isEqualTo(PemFiles.x509(root));
        assertThat(material.privateKey().getEncoded()).isEqualTo(server.keyPair().getPrivate().getEncoded());
    }

    @Test
    void pkcs1RsaAndSec1EcKeysAsOpensslWritesThemAreRead() {
        Issued ecServer = TestCertificates.certificate("dps.example.local").keyType(KeyType.EC_P256)
                .signedBy(intermediate).build();
        PemFiles files = new PemFiles(directory);
        Path rsaKey = files.traditionalKey("rsa.pem", server);
        Path ecKey = files.traditionalKey("ec.pem", ecServer);
        assertThat(rsaKey).content().startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(ecKey).content().startsWith("-----BEGIN EC PRIVATE KEY-----");

        DeviceTlsMaterial rsa = ConfiguredTlsMaterial.load(new TlsProperties(files.certificates("rsa-chain.pem", server), rsaKey));
        DeviceTlsMaterial ec = ConfiguredTlsMaterial.load(new TlsProperties(files.certificates("ec-chain.pem", ecServer), ecKey));

        assertThat(rsa.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(ec.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(ec.certificateChain()).containsExactly(PemFiles.x509(ecServer));
    }

    @Test
    void aKeyOfAnotherCertificateStopsTheStartNamingBothProperties() {
        PemFiles files = new PemFiles(directory);
        Issued other = TestCertificates.certificate("other").keyType(KeyType.RSA_2048).build();

        assertThatThrownBy(() -> ConfiguredTlsMaterial.load(new TlsProperties(
                files.certificates("chain.pem", server, intermediate), files.pkcs8Key("key.pem", other))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dps.tls.private-key")
                .hasMessageContaining("does not match dps.tls.certificate")
                .hasMessageContaining("CN=dps.example.local");
    }

    @Test
    void aMissingFileStopsTheStartNamingThePropertyAndThePath() {
        PemFiles files = new PemFiles(directory);
        Path missing = directory.resolve("missing.pem");

        assertThatThrownBy(() -> ConfiguredTlsMaterial.load(new TlsProperties(missing, files.pkcs8Key("key.pem", server))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dps.tls.certificate (" + missing + ") cannot be read");
    }

    @Test
    void onlyOneOfTheTwoPropertiesIsRefused() {
        PemFiles files = new PemFiles(directory);

        assertThatThrownBy(() -> ConfiguredTlsMaterial.load(new TlsProperties(files.certificates("c.pem", server), null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Set both dps.tls.certificate and dps.tls.private-key")
                .hasMessageContaining("only dps.tls.certificate is set");
    }

    @Test
    void anEncryptedKeyIsRefusedWithHowToDecryptIt() throws IOException {
        PemFiles files = new PemFiles(directory);
        StringWriter encrypted = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(encrypted)) {
            writer.writeObject(server.keyPair().getPrivate(),
                    new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider()).build("secret".toCharArray()));
        }

        assertThatThrownBy(() -> ConfiguredTlsMaterial.load(new TlsProperties(
                files.certificates("chain.pem", server), files.write("key.pem", encrypted.toString()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dps.tls.private-key")
                .hasMessageContaining("encrypted");
    }

    @Test
    void aCertificateFileHoldingAKeyIsRefusedWithoutQuotingTheKey() {
        PemFiles files = new PemFiles(directory);
        Path keyAsCertificate = files.pkcs8Key("key-as-cert.pem", server);

        assertThatThrownBy(() -> ConfiguredTlsMaterial.load(new TlsProperties(keyAsCertificate, keyAsCertificate)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dps.tls.certificate")
                .hasMessageContaining("found a private key")
                .hasMessageNotContaining(server.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
    }
}
