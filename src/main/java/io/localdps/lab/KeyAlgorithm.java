package io.localdps.lab;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** The two key types Azure DPS accepts for X.509 attestation, and what the lab signs with each. */
public enum KeyAlgorithm {

    RSA_2048("RSA-2048", "SHA256withRSA"),
    EC_P256("EC P-256", "SHA256withECDSA");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String label;
    private final String signatureAlgorithm;

    KeyAlgorithm(String label, String signatureAlgorithm) {
        this.label = label;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String label() {
        return label;
    }

    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    KeyPair generate() {
        try {
            if (this == RSA_2048) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, RANDOM);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The algorithm a CA signs with follows the CA's key, not the subject's. */
    static String signatureAlgorithmFor(java.security.PrivateKey signingKey) {
        return "EC".equals(signingKey.getAlgorithm()) ? EC_P256.signatureAlgorithm : RSA_2048.signatureAlgorithm;
    }
}
