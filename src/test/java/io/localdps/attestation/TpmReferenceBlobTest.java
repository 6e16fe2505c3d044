package io.localdps.attestation;

import io.localdps.attestation.SoftwareTpm.BlobParts;
import io.localdps.attestation.TestTpmKeys.TpmKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import static io.localdps.attestation.TpmActivationVectorsTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-checks against a blob made by the spec's reference script (tpm_blob_reference.py, the code
 * that passed the swtpm round trip), stored with its test-only EK/SRK private keys in
 * reference-blob.properties (see make_reference_blob.py beside it).
 */
class TpmReferenceBlobTest {

    private static final Properties FIXTURE = load();
    private static final byte[] EK_PUBLIC = base64("ekTpm2bPublic");
    private static final byte[] SRK_PUBLIC = base64("srkTpm2bPublic");
    private static final TpmKey EK = TestTpmKeys.fromPkcs8(FIXTURE.getProperty("ekPrivatePkcs8"), EK_PUBLIC, 128);
    private static final TpmKey SRK = TestTpmKeys.fromPkcs8(FIXTURE.getProperty("srkPrivatePkcs8"), SRK_PUBLIC, 128);
    private static final byte[] EXTRA_DATA = FIXTURE.getProperty("extraData").getBytes(StandardCharsets.UTF_8);
    private static final byte[] REFERENCE_BLOB = base64("authenticationKey");

    @Test
    void theSoftwareTpmRecoversKFromTheReferenceScriptsBlob() {
        SoftwareTpm.LoadedKey idKey = new SoftwareTpm(EK, SRK).provision(FIXTURE.getProperty("authenticationKey"));

        assertThat(idKey.sensitive()).isEqualTo(K);
    }

    @Test
    void withTheSameKeysAndSecretsOurBlobEqualsTheReferenceByteForByteOutsideTheOaepParts() {
        byte[] ours = new TpmActivation().buildBlob(EK_PUBLIC, SRK_PUBLIC, K, EXTRA_DATA,
                new TpmActivation.Secrets(SEED_VALUE, INNER_WRAP_KEY, DUP_SEED, CRED_SEED));

        BlobParts mine = BlobParts.of(ours);
        BlobParts reference = BlobParts.of(REFERENCE_BLOB);

        assertThat(ours).hasSameSizeAs(REFERENCE_BLOB);
        assertThat(mine.idObject()).isEqualTo(reference.idObject());       // bound to this SRK's real Name
        assertThat(mine.duplicate()).isEqualTo(reference.duplicate());
        assertThat(mine.idPublic()).isEqualTo(reference.idPublic());
        assertThat(mine.encExtraData()).isEqualTo(reference.encExtraData());
        // RSA-OAEP is randomised: the ciphertexts differ but carry the same seeds.
        assertThat(SoftwareTpm.oaepDecrypt(EK.privateKey(), mine.encSecret(), "IDENTITY"))
                .isEqualTo(SoftwareTpm.oaepDecrypt(EK.privateKey(), reference.encSecret(), "IDENTITY"))
                .isEqualTo(CRED_SEED);
        assertThat(SoftwareTpm.oaepDecrypt(SRK.privateKey(), mine.inSymSeed(), "DUPLICATE"))
                .isEqualTo(SoftwareTpm.oaepDecrypt(SRK.privateKey(), reference.inSymSeed(), "DUPLICATE"))
                .isEqualTo(DUP_SEED);
    }

    private static byte[] base64(String property) {
        return Base64.getDecoder().decode(FIXTURE.getProperty(property));
    }

    private static Properties load() {
        try (InputStream in = TpmReferenceBlobTest.class.getResourceAsStream("reference-blob.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
