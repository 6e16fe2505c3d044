package io.localdps.attestation;

import io.localdps.attestation.SoftwareTpm.BlobParts;
import io.localdps.attestation.SoftwareTpm.LoadedKey;
import io.localdps.attestation.SoftwareTpm.TpmError;
import io.localdps.attestation.TestTpmKeys.TpmKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static io.localdps.attestation.TpmActivationVectorsTest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's blob taken through the device's half in software: if a TPM holding the enrolled EK
 * and the presented SRK ends up HMAC-ing with the same K the server chose, the construction is right.
 */
class TpmActivationRoundTripTest {

    private static final String ID_SCOPE = "0ne00ABC123";
    private static final String STRING_TO_SIGN = ID_SCOPE + "/registrations/device-1\n1767225600";

    private final TpmActivation activation = new TpmActivation();
    private final TpmKey ek = TestTpmKeys.defaultEk();
    private final TpmKey srk = TestTpmKeys.defaultSrk();

    private static byte[] newHmacKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private String blobFor(TpmKey ek, TpmKey srk, byte[] k, String registrationId) {
        return activation.authenticationKey(ek.tpm2bPublic(), srk.tpm2bPublic(), k, ID_SCOPE, registrationId);
    }

    @Test
    void aTpmHoldingTheEkAndSrkRecoversKAndHmacsExactlyAsTheServerDoes() {
        byte[] k = newHmacKey();

        LoadedKey idKey = new SoftwareTpm(ek, srk).provision(blobFor(ek, srk, k, "device-1"));

        byte[] data = STRING_TO_SIGN.getBytes(StandardCharsets.UTF_8);
        assertThat(idKey.sensitive()).isEqualTo(k);
        assertThat(idKey.hmac(data)).isEqualTo(SymmetricKeys.hmacSha256(k, data));
    }

    @Test
    void aSasTokenSignedInsideTheTpmPassesTheDeviceVerifierWithTheChallengeKey() {
        byte[] k1 = newHmacKey();
        LoadedKey idKey = new SoftwareTpm(ek, srk).provision(blobFor(ek, srk, k1, "device-1"));
        String sr = ID_SCOPE + "/registrations/device-1";
        String sig = Base64.getEncoder().encodeToString(idKey.hmac(sr + "\n1767225600"));
        String token = TestSasTokens.token(sr, TestSasTokens.urlEncode(sig), "1767225600", "registration");

        SasVerification result = DeviceSasVerifier.verify(token, ID_SCOPE, "device-1",
                List.of(SasKey.of(SasKey.Role.TPM_CHALLENGE, k1)), Instant.parse("2025-12-31T00:00:00Z"));

        assertThat(result).isEqualTo(new SasVerification.Accepted(SasKey.Role.TPM_CHALLENGE, Optional.empty()));
    }

    @Test
    void theBlobIsSixTpm2bPartsWithRsa2048SecretsAndAroundEightHundredBytes() {
        byte[] blob = Base64.getDecoder().decode(blobFor(ek, srk, newHmacKey(), "device-1"));

        BlobParts parts = BlobParts.of(blob);

        assertThat(parts.idObject()).hasSize(2 + 32 + 18);        // UINT16(32) ‖ HMAC ‖ CFB(UINT16(16) ‖ 16 bytes)
        assertThat(parts.encSecret()).hasSize(256);
        assertThat(parts.duplicate()).hasSize(2 + 32 + (2 + 32 + 74)); // UINT16(32) ‖ HMAC ‖ CFB(UINT16(32) ‖ digest ‖ sens2B)
        assertThat(parts.inSymSeed()).hasSize(256);
        assertThat(parts.idPublic()).hasSize(48);
        assertThat(new String(SoftwareTpm.decryptExtraData(innerWrapKeyOf(parts), parts.encExtraData()),
                StandardCharsets.UTF_8)).isEqualTo(ID_SCOPE + "/registrations/device-1");
        assertThat(blob.length).isBetween(750, 900);
    }

    @Test
    void withTheSpecsFixedSecretsTheDuplicateAndPublicPartsAreTheSpecVectors() {
        // Only the EK-bound credential depends on the real SRK's Name; the duplicate and the ID key do not.
        byte[] blob = activation.buildBlob(ek.tpm2bPublic(), srk.tpm2bPublic(), K, "x".getBytes(StandardCharsets.UTF_8),
                new TpmActivation.Secrets(SEED_VALUE, INNER_WRAP_KEY, DUP_SEED, CRED_SEED));

        BlobParts parts = BlobParts.of(blob);

        assertThat(hex(parts.duplicate())).isEqualTo("0020" + OUTER_HMAC + DUP_SENS);
        assertThat(hex(parts.idPublic())).isEqualTo(ID_KEY_PUBLIC);
        assertThat(SoftwareTpm.oaepDecrypt(srk.privateKey(), parts.inSymSeed(), "DUPLICATE")).isEqualTo(DUP_SEED);
        assertThat(SoftwareTpm.oaepDecrypt(ek.privateKey(), parts.encSecret(), "IDENTITY")).isEqualTo(CRED_SEED);
        assertThat(new SoftwareTpm(ek, srk).activateCredential(parts.idObject(), parts.encSecret())).isEqualTo(INNER_WRAP_KEY);
    }

    @Test
    void theSeedsAreEncryptedWithTheTpmsOaepLabelsAndNoOther() {
        BlobParts parts = BlobParts.of(Base64.getDecoder().decode(blobFor(ek, srk, newHmacKey(), "device-1")));

        assertThat(SoftwareTpm.oaepDecrypt(ek.privateKey(), parts.encSecret(), "IDENTITY")).hasSize(32);
        assertThat(SoftwareTpm.oaepDecrypt(srk.privateKey(), parts.inSymSeed(), "DUPLICATE")).hasSize(32);
        assertThatThrownBy(() -> SoftwareTpm.oaepDecrypt(ek.privateKey(), parts.encSecret(), "DUPLICATE"))
                .isInstanceOf(TpmError.class);
    }

    @Test
    void anotherDevicesEkCannotActivateTheCredential() {
        String blob = blobFor(ek, srk, newHmacKey(), "device-1");

        assertThatThrownBy(() -> new SoftwareTpm(TestTpmKeys.otherEk(), srk).provision(blob))
                .isInstanceOf(TpmError.class).hasMessageContaining("OAEP");
    }

    @Test
    void theCredentialIsBoundToTheSrkSoActivatingWithAnotherSrkFailsItsIntegrityCheck() {
        String blob = blobFor(ek, srk, newHmacKey(), "device-1");

        assertThatThrownBy(() -> new SoftwareTpm(ek, TestTpmKeys.otherSrk()).provision(blob))
                .isInstanceOf(TpmError.class).hasMessageContaining("TPM_RC_INTEGRITY (credential)");
    }

    @Test
    void aTamperedDuplicateIsRefusedByTheOuterIntegrityCheck() {
        BlobParts parts = BlobParts.of(Base64.getDecoder().decode(blobFor(ek, srk, newHmacKey(), "device-1")));
        byte[] duplicate = parts.duplicate().clone();
        duplicate[duplicate.length - 1] ^= 1;
        SoftwareTpm tpm = new SoftwareTpm(ek, srk);
        byte[] innerWrapKey = tpm.activateCredential(parts.idObject(), parts.encSecret());

        assertThatThrownBy(() -> tpm.importAndLoad(innerWrapKey, parts.idPublic(), duplicate, parts.inSymSeed()))
                .isInstanceOf(TpmError.class).hasMessageContaining("TPM_RC_INTEGRITY (outer)");
    }

    @Test
    void importingWithoutTheActivatedInnerWrapKeyFailsInsideTheInnerWrapper() {
        BlobParts parts = BlobParts.of(Base64.getDecoder().decode(blobFor(ek, srk, newHmacKey(), "device-1")));

        assertThatThrownBy(() -> new SoftwareTpm(ek, srk)
                .importAndLoad(new byte[16], parts.idPublic(), parts.duplicate(), parts.inSymSeed()))
                .isInstanceOf(TpmError.class).hasMessageMatching("TPM_RC_(SIZE|INTEGRITY) \\(inner\\)");
    }

    @Test
    void everyBlobIsFreshEvenForTheSameKeysAndK() {
        byte[] k = newHmacKey();

        assertThat(blobFor(ek, srk, k, "device-1")).isNotEqualTo(blobFor(ek, srk, k, "device-1"));
    }

    @Test
    void keysWithAes256SymmetricDefinitionsAndAnExplicitExponentAlsoRoundTrip() {
        TpmKey ek256 = TestTpmKeys.ek().keyPair(ek.keyPair())
                .symmetric(TestTpmKeys.TPM_ALG_AES, 256, TestTpmKeys.TPM_ALG_CFB).explicitExponent().build();
        TpmKey srk256 = TestTpmKeys.srk().keyPair(srk.keyPair())
                .symmetric(TestTpmKeys.TPM_ALG_AES, 256, TestTpmKeys.TPM_ALG_CFB).build();
        byte[] k = newHmacKey();

        LoadedKey idKey = new SoftwareTpm(ek256, srk256).provision(blobFor(ek256, srk256, k, "device-1"));

        assertThat(idKey.sensitive()).isEqualTo(k);
    }

    @Test
    void aBareTpmtPublicWithoutItsSizePrefixIsAcceptedAsWell() {
        TpmKey bareEk = TestTpmKeys.ek().keyPair(ek.keyPair()).withoutSizePrefix().build();
        byte[] k = newHmacKey();

        String blob = activation.authenticationKey(bareEk.tpm2bPublic(), srk.tpm2bPublic(), k, ID_SCOPE, "device-1");

        assertThat(new SoftwareTpm(ek, srk).provision(blob).sensitive()).isEqualTo(k);
    }

    @Test
    void deliversKeysOfSixteenToSixtyFourBytesAndRefusesOthers() {
        for (int size : new int[] {16, 64}) {
            byte[] k = new byte[size];
            assertThat(new SoftwareTpm(ek, srk).provision(blobFor(ek, srk, k, "d")).sensitive()).hasSize(size);
        }
        assertThatThrownBy(() -> blobFor(ek, srk, new byte[15], "d")).hasMessageContaining("16 to 64 bytes");
        assertThatThrownBy(() -> blobFor(ek, srk, new byte[65], "d")).hasMessageContaining("16 to 64 bytes");
    }

    @Test
    void refusesExtraDataTheJavaSdkCouldNotDecrypt() {
        assertThatThrownBy(() -> activation.buildBlob(ek.tpm2bPublic(), srk.tpm2bPublic(), newHmacKey(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> activation.buildBlob(ek.tpm2bPublic(), srk.tpm2bPublic(), newHmacKey(), new byte[1025]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysWhichKeyIsUnusable() {
        byte[] ecc = TestTpmKeys.ek().keyPair(ek.keyPair()).type(0x0023).build().tpm2bPublic();

        assertThatThrownBy(() -> activation.buildBlob(ek.tpm2bPublic(), ecc, newHmacKey(), new byte[1]))
                .hasMessageContaining("storage root key").hasMessageContaining("RSA");
    }

    private static byte[] innerWrapKeyOf(BlobParts parts) {
        return new SoftwareTpm(TestTpmKeys.defaultEk(), TestTpmKeys.defaultSrk())
                .activateCredential(parts.idObject(), parts.encSecret());
    }
}
