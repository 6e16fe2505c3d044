package io.localdps.simulator.tpm;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Locale;

/**
 * A TPM 2.0 reduced to what DPS attestation uses (security.md §6.3 "Device processing"), in
 * software: an RSA-2048 endorsement key and storage root key, TPM2_ActivateCredential with the
 * EK, TPM2_Import + Load of the DPS "ID key" under the SRK, and TPM2_HMAC with it. Every check a
 * real TPM makes on the way (integrity HMACs, sizes, attributes, the unique binding) is made too.
 * Not thread-safe: one device uses its TPM at a time.
 */
public final class SoftwareTpm {

    private final KeyPair endorsementKey;
    private final KeyPair storageRootKey;
    private final byte[] ekPublic;
    private final byte[] srkPublic;
    private byte[] idKey;

    /** A TPM with these EK and SRK key pairs (RSA-2048). */
    public SoftwareTpm(KeyPair endorsementKey, KeyPair storageRootKey) {
        this.endorsementKey = endorsementKey;
        this.storageRootKey = storageRootKey;
        this.ekPublic = TpmPublicArea.endorsementKey((RSAPublicKey) endorsementKey.getPublic());
        this.srkPublic = TpmPublicArea.storageRootKey((RSAPublicKey) storageRootKey.getPublic());
    }

    /** The EK's TPM2B_PUBLIC, the bytes behind {@code tpm.endorsementKey}. */
    public byte[] endorsementKeyPublic() {
        return TpmPublicArea.tpm2b(ekPublic);
    }

    /** The SRK's TPM2B_PUBLIC, the bytes behind {@code tpm.storageRootKey}. */
    public byte[] storageRootKeyPublic() {
        return TpmPublicArea.tpm2b(srkPublic);
    }

    /** base64 of {@link #endorsementKeyPublic()}, as enrollments and register bodies carry it. */
    public String endorsementKeyBase64() {
        return Base64.getEncoder().encodeToString(endorsementKeyPublic());
    }

    /** base64 of {@link #storageRootKeyPublic()}. */
    public String storageRootKeyBase64() {
        return Base64.getEncoder().encodeToString(storageRootKeyPublic());
    }

    /**
     * The SDKs' default registration ID of a TPM device (security.md §6.2): lower-case RFC 4648
     * base32 of SHA-256 of the EK's TPM2B_PUBLIC, padding removed.
     */
    public String defaultRegistrationId() {
        return base32(TpmCryptography.sha256(endorsementKeyPublic())).toLowerCase(Locale.ROOT);
    }

    /** The storage root key's Name, which DPS binds the credential to. */
    byte[] storageRootKeyName() {
        return TpmPublicArea.name(srkPublic);
    }

    /**
     * Takes an activation blob ({@code authenticationKey}, base64): ActivateCredential with the EK
     * (credential bound to the SRK), Import and Load of the ID key under the SRK. The ID key then
     * signs with {@link #hmac}. A blob not made for this EK and SRK is refused.
     */
    public void importActivation(String authenticationKeyBase64) {
        TpmBuffer.In in = new TpmBuffer.In(Base64.getDecoder().decode(authenticationKeyBase64));
        byte[] idObject = in.tpm2b();
        byte[] encryptedSecret = in.tpm2b();
        byte[] duplicate = in.tpm2b();
        byte[] encryptedSeed = in.tpm2b();
        byte[] idKeyPublic = in.tpm2b();
        byte[] encryptedUri = in.tpm2b();
        in.requireEnd();
        if (encryptedUri.length == 0 || encryptedUri.length > 1024) {
            throw new TpmException("TPM_RC_SIZE: the trailing data must hold 1 to 1024 bytes");
        }
        byte[] credentialSeed = TpmCryptography.oaepDecrypt(endorsementKey.getPrivate(), encryptedSecret, "IDENTITY");
        byte[] innerWrapKey = TpmActivation.activateCredential(credentialSeed, storageRootKeyName(), idObject);
        byte[] duplicationSeed = TpmCryptography.oaepDecrypt(storageRootKey.getPrivate(), encryptedSeed, "DUPLICATE");
        idKey = TpmActivation.importHmacKey(duplicationSeed, idKeyPublic, duplicate, innerWrapKey);
    }

    /** TPM2_HMAC with the imported ID key. */
    public byte[] hmac(byte[] data) {
        if (idKey == null) {
            throw new TpmException("TPM_RC_HANDLE: no ID key has been imported");
        }
        return TpmCryptography.hmac(idKey, data);
    }

    /** RFC 4648 base32, upper case, without padding. */
    static String base32(byte[] data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >>> (bits - 5)) & 0x1F));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 0x1F));
        }
        return out.toString();
    }
}
