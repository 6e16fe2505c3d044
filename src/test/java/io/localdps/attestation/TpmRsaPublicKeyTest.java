package io.localdps.attestation;

import io.localdps.attestation.TestTpmKeys.TpmKey;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

import static io.localdps.attestation.TestTpmKeys.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TpmRsaPublicKeyTest {

    private final TpmKey ek = defaultEk();

    @Test
    void readsTheRsaKeyAndSymmetricSizeOfAnEkInTheDefaultTemplate() {
        TpmRsaPublicKey key = TpmRsaPublicKey.parse(ek.tpm2bPublic(), "endorsement key");

        assertThat(key.publicKey().getModulus()).isEqualTo(ek.publicKey().getModulus());
        assertThat(key.publicKey().getPublicExponent()).isEqualTo(BigInteger.valueOf(65537)); // 0 in the template
        assertThat(key.symmetricKeyBits()).isEqualTo(128);
        assertThat(key.objectAttributes()).isEqualTo(EK_ATTRIBUTES);
    }

    @Test
    void theNameIsSha256AlgorithmIdFollowedBySha256OfTheTpmtPublic() {
        TpmRsaPublicKey key = TpmRsaPublicKey.parse(ek.tpm2bPublic(), "endorsement key");

        assertThat(key.tpmtPublic()).isEqualTo(ek.tpmtPublic());
        assertThat(key.name()).isEqualTo(SoftwareTpm.name(ek.tpmtPublic())).hasSize(34).startsWith(0x00, 0x0B);
    }

    @Test
    void seesTheSameKeyAsTheEnrollmentsEndorsementKeyParser() {
        TpmRsaPublicKey key = TpmRsaPublicKey.parse(ek.tpm2bPublic(), "endorsement key");
        EndorsementKey enrolled = EndorsementKey.parse(Base64.getEncoder().encodeToString(ek.tpm2bPublic()));

        assertThat(key.publicKey().getModulus()).isEqualTo(enrolled.modulus());
        assertThat(key.publicKey().getPublicExponent().longValueExact()).isEqualTo(enrolled.exponent());
    }

    @Test
    void refusesAKeyThatIsNotRsa() {
        byte[] ecc = ek().keyPair(ek.keyPair()).type(0x0023).build().tpm2bPublic();

        assertThatThrownBy(() -> TpmRsaPublicKey.parse(ecc, "endorsement key"))
                .hasMessage("The endorsement key must be an RSA key (TPM_ALG_RSA), found algorithm 0x23.");
    }

    @Test
    void refusesANameAlgorithmOtherThanSha256() {
        byte[] sha1 = srk().keyPair(ek.keyPair()).nameAlg(TPM_ALG_SHA1).build().tpm2bPublic();

        assertThatThrownBy(() -> TpmRsaPublicKey.parse(sha1, "storage root key")).hasMessageContaining("SHA-256");
    }

    @Test
    void refusesAKeyWithoutAnAesCfbSymmetricDefinitionBecauseItCannotBeAStorageParent() {
        byte[] none = srk().keyPair(ek.keyPair()).symmetric(TPM_ALG_NULL, 0, 0).build().tpm2bPublic();
        byte[] cbc = srk().keyPair(ek.keyPair()).symmetric(TPM_ALG_AES, 128, 0x0042).build().tpm2bPublic();

        assertThatThrownBy(() -> TpmRsaPublicKey.parse(none, "storage root key")).hasMessageContaining("AES");
        assertThatThrownBy(() -> TpmRsaPublicKey.parse(cbc, "storage root key")).hasMessageContaining("CFB");
    }

    @Test
    void refusesRsaKeysShorterThan2048Bits() {
        byte[] small = srk().keyPair(newRsaKeyPair(1024)).build().tpm2bPublic();

        assertThatThrownBy(() -> TpmRsaPublicKey.parse(small, "storage root key")).hasMessageContaining("2048");
    }

    @Test
    void refusesTruncatedAndOverlongStructures() {
        byte[] tpm2b = ek.tpm2bPublic();
        byte[] truncated = Arrays.copyOf(tpm2b, tpm2b.length - 10);
        truncated[1] -= 10; // a consistent TPM2B size, so the TPMT_PUBLIC itself is short
        byte[] overlong = Arrays.copyOf(tpm2b, tpm2b.length + 1);
        overlong[1] += 1; // keep the TPM2B size consistent so the extra byte sits inside the TPMT_PUBLIC

        assertThatThrownBy(() -> TpmRsaPublicKey.parse(truncated, "endorsement key")).hasMessageContaining("truncated");
        assertThatThrownBy(() -> TpmRsaPublicKey.parse(overlong, "endorsement key")).hasMessageContaining("unexpected bytes");
        assertThatThrownBy(() -> TpmRsaPublicKey.parse(new byte[0], "endorsement key")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TpmRsaPublicKey.parse(Arrays.copyOf(tpm2b, tpm2b.length - 1), "endorsement key"))
                .hasMessageContaining("size field says");
    }
}
