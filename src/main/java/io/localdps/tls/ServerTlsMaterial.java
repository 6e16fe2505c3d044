package io.localdps.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A server key with its certificate chain, checked to belong together: a key that does not match
 * its certificate would only show up later as handshake failures on every device.
 */
record ServerTlsMaterial(PrivateKey privateKey, List<X509Certificate> certificateChain,
                         X509Certificate trustAnchor) implements DeviceTlsMaterial {

    ServerTlsMaterial {
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain is empty");
        }
        certificateChain = List.copyOf(certificateChain);
        if (!belongTogether(privateKey, certificateChain.getFirst().getPublicKey())) {
            throw new IllegalArgumentException("the private key does not belong to the server certificate "
                    + certificateChain.getFirst().getSubjectX500Principal().getName());
        }
    }

    /** Without the key: records print every component, and this one must never reach a log. */
    @Override
    public String toString() {
        return "ServerTlsMaterial[server=" + certificateChain.getFirst().getSubjectX500Principal().getName()
                + ", chain=" + certificateChain.size() + " certificates, trustAnchor="
                + trustAnchor.getSubjectX500Principal().getName() + "]";
    }

    /** Signs a probe and verifies it: works for every key type, unlike comparing key encodings. */
    private static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("unsupported private key type " + privateKey.getAlgorithm()
                    + "; use RSA or EC");
        };
        byte[] probe = "LocalDPS key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
