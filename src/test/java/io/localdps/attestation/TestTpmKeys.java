package io.localdps.attestation;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * RSA keys in the TPM templates of security.md §6.1, with their private halves so a test can play
 * the device's TPM. Key generation is slow, so the default EK and SRK are made once per test run.
 */
final class TestTpmKeys {

    static final int TPM_ALG_RSA = 0x0001;
    static final int TPM_ALG_AES = 0x0006;
    static final int TPM_ALG_SHA1 = 0x0004;
    static final int TPM_ALG_SHA256 = 0x000B;
    static final int TPM_ALG_NULL = 0x0010;
    static final int TPM_ALG_CFB = 0x0043;

    /** restricted | decrypt | fixedTPM | fixedParent | adminWithPolicy | sensitiveDataOrigin. */
    static final int EK_ATTRIBUTES = 0x00010000 | 0x00020000 | 0x00000002 | 0x00000010 | 0x00000080 | 0x00000020;
    /** restricted | decrypt | fixedTPM | fixedParent | noDA | userWithAuth | sensitiveDataOrigin. */
    static final int SRK_ATTRIBUTES = 0x00010000 | 0x00020000 | 0x00000002 | 0x00000010 | 0x00000400 | 0x00000040 | 0x00000020;
    /** PolicySecret(TPM_RH_ENDORSEMENT), the default EK auth policy. */
    static final byte[] EK_AUTH_POLICY =
            HexFormat.of().parseHex("837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa");

    /** A TPM key: its private half (which only the TPM knows) and the TPM2B_PUBLIC the device sends. */
    record TpmKey(KeyPair keyPair, byte[] tpm2bPublic, int symmetricKeyBits) {
        RSAPrivateKey privateKey() {
            return (RSAPrivateKey) keyPair.getPrivate();
        }

        RSAPublicKey publicKey() {
            return (RSAPublicKey) keyPair.getPublic();
        }

        byte[] tpmtPublic() {
            return Arrays.copyOfRange(tpm2bPublic, 2, tpm2bPublic.length);
        }
    }

    private static final class Defaults {
        static final TpmKey EK = ek().build();
        static final TpmKey SRK = srk().build();
        static final TpmKey OTHER_EK = ek().build();
        static final TpmKey OTHER_SRK = srk().build();
    }

    private TestTpmKeys() {
    }

    static TpmKey defaultEk() {
        return Defaults.EK;
    }

    static TpmKey defaultSrk() {
        return Defaults.SRK;
    }

    /** Another device's EK, for "wrong key" tests. */
    static TpmKey otherEk() {
        return Defaults.OTHER_EK;
    }

    static TpmKey otherSrk() {
        return Defaults.OTHER_SRK;
    }

    static Template ek() {
        return new Template().attributes(EK_ATTRIBUTES).authPolicy(EK_AUTH_POLICY);
    }

    static Template srk() {
        return new Template().attributes(SRK_ATTRIBUTES).authPolicy(new byte[0]);
    }

    /** A key made elsewhere (the reference fixture): PKCS#8 private key plus the TPM2B_PUBLIC sent for it. */
    static TpmKey fromPkcs8(String base64Pkcs8, byte[] tpm2bPublic, int symmetricKeyBits) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
            PublicKey publicKey = rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new TpmKey(new KeyPair(publicKey, privateKey), tpm2bPublic, symmetricKeyBits);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair newRsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TPMT_PUBLIC of an RSA key, field by field, defaults as in the §6.1 templates. */
    static final class Template {
        private int type = TPM_ALG_RSA;
        private int nameAlg = TPM_ALG_SHA256;
        private int attributes;
        private byte[] authPolicy = new byte[0];
        private int symmetricAlg = TPM_ALG_AES;
        private int symmetricKeyBits = 128;
        private int symmetricMode = TPM_ALG_CFB;
        private boolean explicitExponent;
        private KeyPair keyPair;
        private int rsaBits = 2048;
        private boolean withSizePrefix = true;

        Template type(int value) { type = value; return this; }
        Template nameAlg(int value) { nameAlg = value; return this; }
        Template attributes(int value) { attributes = value; return this; }
        Template authPolicy(byte[] value) { authPolicy = value; return this; }
        Template symmetric(int alg, int keyBits, int mode) { symmetricAlg = alg; symmetricKeyBits = keyBits; symmetricMode = mode; return this; }
        /** Write 65537 instead of the usual 0 (= default exponent). */
        Template explicitExponent() { explicitExponent = true; return this; }
        Template keyPair(KeyPair value) { keyPair = value; return this; }
        Template rsaBits(int value) { rsaBits = value; return this; }
        /** A bare TPMT_PUBLIC, as some tools write it. */
        Template withoutSizePrefix() { withSizePrefix = false; return this; }

        TpmKey build() {
            KeyPair pair = keyPair != null ? keyPair : newRsaKeyPair(rsaBits);
            RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            u16(t, type);
            u16(t, nameAlg);
            u32(t, attributes);
            tpm2b(t, authPolicy);
            u16(t, symmetricAlg);
            if (symmetricAlg != TPM_ALG_NULL) {
                u16(t, symmetricKeyBits);
                u16(t, symmetricMode);
            }
            u16(t, TPM_ALG_NULL); // scheme: none, as restricted decryption keys have
            u16(t, rsa.getModulus().bitLength());
            u32(t, explicitExponent ? rsa.getPublicExponent().intValueExact() : 0);
            tpm2b(t, unsigned(rsa.getModulus(), rsa.getModulus().bitLength() / 8));
            byte[] tpmt = t.toByteArray();
            if (!withSizePrefix) {
                return new TpmKey(pair, tpmt, symmetricKeyBits);
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            tpm2b(b, tpmt);
            return new TpmKey(pair, b.toByteArray(), symmetricKeyBits);
        }
    }

    static byte[] unsigned(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    static void u32(ByteArrayOutputStream out, int value) {
        u16(out, value >>> 16);
        u16(out, value & 0xFFFF);
    }

    static void tpm2b(ByteArrayOutputStream out, byte[] content) {
        u16(out, content.length);
        out.writeBytes(content);
    }
}
