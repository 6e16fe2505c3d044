package io.localdps.attestation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import static io.localdps.attestation.TpmBytes.concat;
import static io.localdps.attestation.TpmBytes.tpm2b;

/**
 * Builds the TPM activation blob, {@code authenticationKey} (security.md §6.3–6.4): a keyed-hash ID
 * key holding K, duplicated to the device's SRK with an inner wrapper whose key is delivered by
 * MakeCredential to the device's EK. Only a TPM holding both the EK and the SRK private keys can
 * import the ID key, so a device that later signs with it proves possession of the enrolled EK.
 *
 * <p>Blobs are bound to one EK+SRK pair and carry fresh randomness: build a new one for every
 * challenge and every assigned result (§6.5).
 */
public final class TpmActivation {

    /** sign | userWithAuth; verified on swtpm (§6.4). Azure's exact value is unknown (§6.6). */
    public static final int ID_KEY_ATTRIBUTES = TpmIdKey.ATTRIBUTE_SIGN | TpmIdKey.ATTRIBUTE_USER_WITH_AUTH;
    /**
     * The Java SDK decrypts part #6 with TPM2_EncryptDecrypt, whose input is limited to
     * TPM_PT_INPUT_BUFFER (1024 bytes); the other SDKs read it and ignore it. It must not be empty.
     */
    public static final int MAX_EXTRA_DATA = 1024;

    private static final int SEED_SIZE = 32;
    /** 16 bytes: Java and Node import with AES keyBits = innerWrapKey length × 8, C and C# hard-code 128. */
    private static final int INNER_WRAP_KEY_SIZE = 16;

    private final SecureRandom random;

    public TpmActivation() {
        this(new SecureRandom());
    }

    /** @param random source of the seeds, the inner wrapper key and the OAEP padding */
    public TpmActivation(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The random values of one blob, separable so tests can fix them (§6.4a).
     */
    record Secrets(byte[] seedValue, byte[] innerWrapKey, byte[] dupSeed, byte[] credSeed) {
    }

    /**
     * The base64 {@code authenticationKey} for the HTTPS challenge body, MQTT and the assigned result;
     * part #6 carries {@code "{idScope}/registrations/{registrationId}"}, which no SDK interprets.
     *
     * @param ekTpm2bPublic  the device's endorsementKey (base64-decoded TPM2B_PUBLIC)
     * @param srkTpm2bPublic the device's storageRootKey (base64-decoded TPM2B_PUBLIC)
     * @param hmacKey        K: the key the device will sign SAS tokens with (32 random bytes recommended)
     */
    public String authenticationKey(byte[] ekTpm2bPublic, byte[] srkTpm2bPublic, byte[] hmacKey,
                                    String idScope, String registrationId) {
        byte[] extraData = (idScope + "/registrations/" + registrationId).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(buildBlob(ekTpm2bPublic, srkTpm2bPublic, hmacKey, extraData));
    }

    /**
     * The raw blob (sent as is over AMQP, §6.5 of device-api.md).
     *
     * @param extraData part #6's plaintext: 1 to 1024 bytes
     * @throws IllegalArgumentException when a key cannot be used; the message is fit for the device's error body
     */
    public byte[] buildBlob(byte[] ekTpm2bPublic, byte[] srkTpm2bPublic, byte[] hmacKey, byte[] extraData) {
        Secrets secrets = new Secrets(randomBytes(SEED_SIZE), randomBytes(INNER_WRAP_KEY_SIZE),
                randomBytes(SEED_SIZE), randomBytes(SEED_SIZE));
        return buildBlob(ekTpm2bPublic, srkTpm2bPublic, hmacKey, extraData, secrets);
    }

    byte[] buildBlob(byte[] ekTpm2bPublic, byte[] srkTpm2bPublic, byte[] hmacKey, byte[] extraData, Secrets secrets) {
        TpmRsaPublicKey ek = TpmRsaPublicKey.parse(ekTpm2bPublic, "endorsement key");
        TpmRsaPublicKey srk = TpmRsaPublicKey.parse(srkTpm2bPublic, "storage root key");
        checkHmacKey(hmacKey);
        if (extraData == null || extraData.length == 0 || extraData.length > MAX_EXTRA_DATA) {
            throw new IllegalArgumentException("extra data must be 1 to " + MAX_EXTRA_DATA + " bytes");
        }

        // Step A: the ID key object holding K.
        TpmIdKey idKey = TpmIdKey.create(hmacKey, secrets.seedValue(), ID_KEY_ATTRIBUTES);

        // Step B: inner wrapper; its key travels in the credential, so only the EK holder can unwrap.
        byte[] encInner = TpmWrapping.innerWrap(idKey, secrets.innerWrapKey());

        // Step C: outer wrapper to the SRK, the parent the device imports under.
        byte[] inSymSeed = TpmCrypto.oaepEncrypt(srk.publicKey(), secrets.dupSeed(), "DUPLICATE", random);
        TpmWrapping.OuterWrap outer = TpmWrapping.outerWrap(secrets.dupSeed(), idKey.name(), encInner,
                srk.symmetricKeyBits());

        // Step D: MakeCredential to the EK, bound to Name(SRK) because the SDKs activate with the SRK.
        byte[] encSecret = TpmCrypto.oaepEncrypt(ek.publicKey(), secrets.credSeed(), "IDENTITY", random);
        TpmWrapping.Credential credential = TpmWrapping.makeCredential(secrets.credSeed(), srk.name(),
                secrets.innerWrapKey(), ek.symmetricKeyBits());

        // Step E: extra data under the inner wrapper key, then the six TPM2B parts in order (§6.3).
        byte[] encUri = TpmCrypto.aesCfbEncrypt(secrets.innerWrapKey(), extraData);
        return concat(
                tpm2b(credential.idObject()),  // 1 TPM2B_ID_OBJECT
                tpm2b(encSecret),              // 2 TPM2B_ENCRYPTED_SECRET (credential seed, to the EK)
                tpm2b(outer.duplicate()),      // 3 TPM2B_PRIVATE
                tpm2b(inSymSeed),              // 4 TPM2B_ENCRYPTED_SECRET (duplication seed, to the SRK)
                tpm2b(idKey.tpmtPublic()),     // 5 TPM2B_PUBLIC of the ID key
                tpm2b(encUri));                // 6 TPM2B extra data
    }

    private static void checkHmacKey(byte[] hmacKey) {
        // K of the assigned result becomes the hub device's primary key, which must be 16..64 bytes.
        if (hmacKey == null || hmacKey.length < SymmetricKeys.MIN_BYTES || hmacKey.length > SymmetricKeys.MAX_BYTES) {
            throw new IllegalArgumentException("the HMAC key to deliver must be " + SymmetricKeys.MIN_BYTES + " to "
                    + SymmetricKeys.MAX_BYTES + " bytes");
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
