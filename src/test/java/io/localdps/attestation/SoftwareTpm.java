package io.localdps.attestation;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The device's half of TPM attestation (security.md §6.3 "Device processing"), done in software
 * with the test's own EK and SRK private keys: TPM2_ActivateCredential, TPM2_Import + Load, and
 * TPM2_HMAC. Written from the TPM 2.0 spec, independently of the production code (own KDFa, own
 * CFB, own parsing), so that a wrong construction on the server side cannot be mirrored here.
 * Every check a real TPM makes on the way is made too, and reported as the TPM would (TPM_RC_*).
 */
final class SoftwareTpm {

    private static final byte[] EMPTY = new byte[0];
    private static final int FIXED_TPM = 0x2;
    private static final int FIXED_PARENT = 0x10;
    private static final int SIGN = 0x00040000;

    /** What a real TPM would answer with a response code. */
    static final class TpmError extends RuntimeException {
        TpmError(String responseCode) {
            super(responseCode);
        }
    }

    /** The six payloads of an activation blob, framing removed (§6.3). */
    record BlobParts(byte[] idObject, byte[] encSecret, byte[] duplicate, byte[] inSymSeed, byte[] idPublic,
                     byte[] encExtraData) {

        /** Parses exactly as the SDKs do: six TPM2B in a row, nothing left over. */
        static BlobParts of(byte[] blob) {
            ByteBuffer in = ByteBuffer.wrap(blob);
            List<byte[]> parts = new ArrayList<>();
            while (in.hasRemaining()) {
                byte[] part = new byte[in.getShort() & 0xFFFF];
                in.get(part);
                parts.add(part);
            }
            if (parts.size() != 6) {
                throw new IllegalArgumentException("an activation blob has 6 parts, this one " + parts.size());
            }
            return new BlobParts(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4), parts.get(5));
        }
    }

    /** An ID key loaded under the SRK (and, on a device, persisted at 0x81000100). */
    record LoadedKey(byte[] sensitive, int hashAlg) {
        /** TPM2_HMAC with the key's scheme hash. */
        byte[] hmac(byte[] data) {
            if (hashAlg != TestTpmKeys.TPM_ALG_SHA256) {
                throw new TpmError("TPM_RC_SCHEME (test supports SHA-256 only)");
            }
            return hmacSha256(sensitive, data);
        }

        byte[] hmac(String data) {
            return hmac(data.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final TestTpmKeys.TpmKey ek;
    private final TestTpmKeys.TpmKey srk;

    SoftwareTpm(TestTpmKeys.TpmKey ek, TestTpmKeys.TpmKey srk) {
        this.ek = ek;
        this.srk = srk;
    }

    /** The whole device flow of §6.3 steps 1–3 for a base64 {@code authenticationKey}. */
    LoadedKey provision(String authenticationKey) {
        BlobParts parts = BlobParts.of(Base64.getDecoder().decode(authenticationKey));
        byte[] innerWrapKey = activateCredential(parts.idObject(), parts.encSecret());
        return importAndLoad(innerWrapKey, parts.idPublic(), parts.duplicate(), parts.inSymSeed());
    }

    /**
     * TPM2_ActivateCredential(activateHandle = SRK, keyHandle = EK): the credential is bound to the
     * Name of the SRK, and its seed is encrypted to the EK.
     */
    byte[] activateCredential(byte[] idObject, byte[] encSecret) {
        byte[] seed = oaepDecrypt(ek.privateKey(), encSecret, "IDENTITY");
        byte[] objectName = name(srk.tpmtPublic());
        ByteBuffer in = ByteBuffer.wrap(idObject);
        byte[] integrity = sized(in, "credential");
        byte[] encIdentity = new byte[in.remaining()];
        in.get(encIdentity);

        byte[] hmacKey = kdfa(seed, "INTEGRITY", EMPTY, EMPTY, 256);
        if (!MessageDigest.isEqual(integrity, hmacSha256(hmacKey, concat(encIdentity, objectName)))) {
            throw new TpmError("TPM_RC_INTEGRITY (credential)");
        }
        byte[] symKey = kdfa(seed, "STORAGE", objectName, EMPTY, ek.symmetricKeyBits());
        ByteBuffer credential = ByteBuffer.wrap(cfbDecrypt(symKey, encIdentity));
        byte[] value = sized(credential, "credential");
        if (credential.hasRemaining()) {
            throw new TpmError("TPM_RC_SIZE (credential)");
        }
        return value;
    }

    /**
     * TPM2_Import(parent = SRK, encryptionKey = innerWrapKey, symmetricAlg = AES-128-CFB) followed by
     * TPM2_Load's checks. The Java and Node SDKs pass keyBits = innerWrapKey.length × 8, C and C#
     * pass 128, so anything but a 16-byte key would break two of them.
     */
    LoadedKey importAndLoad(byte[] innerWrapKey, byte[] idPublic, byte[] duplicate, byte[] inSymSeed) {
        if (innerWrapKey.length != 16) {
            throw new TpmError("TPM_RC_SIZE (C and C# import with a 128-bit inner wrapper key)");
        }
        IdPublic pub = IdPublic.parse(idPublic);
        if ((pub.attributes & (FIXED_TPM | FIXED_PARENT)) != 0) {
            throw new TpmError("TPM_RC_ATTRIBUTES (fixedTPM/fixedParent object cannot be imported)");
        }
        byte[] name = name(idPublic);

        // Outer wrapper, keyed by the seed only the SRK can decrypt.
        byte[] seed = oaepDecrypt(srk.privateKey(), inSymSeed, "DUPLICATE");
        ByteBuffer in = ByteBuffer.wrap(duplicate);
        byte[] outerHmac = sized(in, "outer");
        byte[] dupSens = new byte[in.remaining()];
        in.get(dupSens);
        byte[] hmacKey = kdfa(seed, "INTEGRITY", EMPTY, EMPTY, 256);
        if (!MessageDigest.isEqual(outerHmac, hmacSha256(hmacKey, concat(dupSens, name)))) {
            throw new TpmError("TPM_RC_INTEGRITY (outer)");
        }
        byte[] encInner = cfbDecrypt(kdfa(seed, "STORAGE", name, EMPTY, srk.symmetricKeyBits()), dupSens);

        // Inner wrapper, keyed by what ActivateCredential released.
        ByteBuffer inner = ByteBuffer.wrap(cfbDecrypt(innerWrapKey, encInner));
        byte[] innerIntegrity = sized(inner, "inner");
        byte[] sens2B = new byte[inner.remaining()];
        inner.get(sens2B);
        if (!MessageDigest.isEqual(innerIntegrity, sha256(concat(sens2B, name)))) {
            throw new TpmError("TPM_RC_INTEGRITY (inner)");
        }

        ByteBuffer sens = ByteBuffer.wrap(sens2B);
        if ((sens.getShort() & 0xFFFF) != sens2B.length - 2) {
            throw new TpmError("TPM_RC_SIZE (sensitive)");
        }
        if ((sens.getShort() & 0xFFFF) != pub.type) {
            throw new TpmError("TPM_RC_TYPE (sensitive does not match public)");
        }
        byte[] authValue = tpm2b(sens);
        byte[] seedValue = tpm2b(sens);
        byte[] key = tpm2b(sens);
        if (sens.hasRemaining() || authValue.length != 0) {
            throw new TpmError("TPM_RC_SIZE (sensitive)");
        }
        // TPM2_Load: the public area's unique must be the hash of seedValue ‖ sensitive.
        if (!Arrays.equals(pub.unique, sha256(concat(seedValue, key)))) {
            throw new TpmError("TPM_RC_KEY (unique does not bind the sensitive area)");
        }
        if ((pub.attributes & SIGN) == 0) {
            throw new TpmError("TPM_RC_ATTRIBUTES (an HMAC key must have sign)");
        }
        return new LoadedKey(key, pub.hashAlg);
    }

    /** TPM2_EncryptDecrypt(decrypt, AES-CFB, IV = 0) keyed with innerWrapKey, as the Java SDK runs it over part #6. */
    static byte[] decryptExtraData(byte[] innerWrapKey, byte[] encExtraData) {
        return cfbDecrypt(innerWrapKey, encExtraData);
    }

    /** The fields of a keyed-hash TPMT_PUBLIC that Import and Load look at. */
    private record IdPublic(int type, int attributes, int hashAlg, byte[] unique) {
        static IdPublic parse(byte[] tpmt) {
            ByteBuffer in = ByteBuffer.wrap(tpmt);
            int type = in.getShort() & 0xFFFF;
            int nameAlg = in.getShort() & 0xFFFF;
            int attributes = in.getInt();
            tpm2b(in); // authPolicy
            int scheme = in.getShort() & 0xFFFF;
            int hashAlg = in.getShort() & 0xFFFF;
            byte[] unique = tpm2b(in);
            if (type != 0x0008 || nameAlg != TestTpmKeys.TPM_ALG_SHA256 || scheme != 0x0005 || in.hasRemaining()) {
                throw new TpmError("TPM_RC_TYPE (expected a keyed-hash HMAC key with SHA-256)");
            }
            return new IdPublic(type, attributes, hashAlg, unique);
        }
    }

    // ---- primitives, from the TPM 2.0 spec, deliberately not shared with the production code ----

    static byte[] name(byte[] tpmtPublic) {
        return concat(new byte[] {0x00, 0x0B}, sha256(tpmtPublic));
    }

    static byte[] kdfa(byte[] key, String label, byte[] contextU, byte[] contextV, int bits) {
        byte[] out = EMPTY;
        for (int i = 1; out.length * 8 < bits; i++) {
            byte[] counter = ByteBuffer.allocate(4).putInt(i).array();
            byte[] size = ByteBuffer.allocate(4).putInt(bits).array();
            byte[] labelZ = (label + "\0").getBytes(StandardCharsets.US_ASCII);
            out = concat(out, hmacSha256(key, concat(counter, labelZ, contextU, contextV, size)));
        }
        return Arrays.copyOf(out, bits / 8);
    }

    static byte[] oaepDecrypt(PrivateKey key, byte[] data, String label) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    new PSource.PSpecified((label + "\0").getBytes(StandardCharsets.US_ASCII))));
            return rsa.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new TpmError("TPM_RC_VALUE (OAEP decryption failed: " + e.getClass().getSimpleName() + ")");
        }
    }

    static byte[] cfbDecrypt(byte[] key, byte[] data) {
        try {
            Cipher aes = Cipher.getInstance("AES/CFB/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return aes.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TPM2B read as the TPM does: a size larger than what follows is TPM_RC_SIZE, not a crash. */
    private static byte[] sized(ByteBuffer in, String what) {
        int size = in.remaining() < 2 ? -1 : in.getShort() & 0xFFFF;
        if (size < 0 || size > in.remaining()) {
            throw new TpmError("TPM_RC_SIZE (" + what + ")");
        }
        byte[] value = new byte[size];
        in.get(value);
        return value;
    }

    private static byte[] tpm2b(ByteBuffer in) {
        byte[] value = new byte[in.getShort() & 0xFFFF];
        in.get(value);
        return value;
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
