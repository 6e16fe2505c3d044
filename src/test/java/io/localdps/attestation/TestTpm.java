package io.localdps.attestation;

import java.util.Base64;

/**
 * A simulated device TPM for tests outside this package: an EK and SRK in the templates of
 * security.md §6.1, and the device's half of attestation through {@link SoftwareTpm}.
 */
public final class TestTpm {

    private final TestTpmKeys.TpmKey ek;
    private final TestTpmKeys.TpmKey srk;
    private final SoftwareTpm tpm;

    private TestTpm(TestTpmKeys.TpmKey ek, TestTpmKeys.TpmKey srk) {
        this.ek = ek;
        this.srk = srk;
        this.tpm = new SoftwareTpm(ek, srk);
    }

    /** The run's shared EK and SRK (RSA key generation is slow). */
    public static TestTpm standard() {
        return new TestTpm(TestTpmKeys.defaultEk(), TestTpmKeys.defaultSrk());
    }

    /** Another TPM, with keys of its own. */
    public static TestTpm other() {
        return new TestTpm(TestTpmKeys.otherEk(), TestTpmKeys.otherSrk());
    }

    public String endorsementKey() {
        return Base64.getEncoder().encodeToString(ek.tpm2bPublic());
    }

    public String storageRootKey() {
        return Base64.getEncoder().encodeToString(srk.tpm2bPublic());
    }

    /** ActivateCredential + Import + Load of the blob: the HMAC key the server wrapped, as the TPM now holds it. */
    public byte[] importKey(String authenticationKey) {
        return tpm.provision(authenticationKey).sensitive();
    }
}
