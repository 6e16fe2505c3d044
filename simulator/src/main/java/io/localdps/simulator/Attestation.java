package io.localdps.simulator;

import io.localdps.simulator.x509.PemKeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * How the simulated devices prove who they are (security.md §1, §3, §6). One kind per fleet.
 */
public sealed interface Attestation {

    /** The kind's name for CSV files and the command line: {@code symmetric}, {@code x509}, {@code tpm}. */
    String kind();

    /**
     * Symmetric key through an enrollment group: each device signs with
     * {@code HMAC-SHA256(groupKey, registrationId)} (security.md §1.3), as the SDKs' group samples do.
     *
     * @param groupKey the group's primary or secondary key, base64
     */
    record SymmetricGroup(String groupKey) implements Attestation {
        public SymmetricGroup {
            requireKey(groupKey);
        }

        /** Names the kind only: the group key is a secret and must not reach a log. */
        @Override
        public String toString() {
            return "SymmetricGroup[groupKey=****]";
        }

        @Override
        public String kind() {
            return "symmetric";
        }
    }

    /**
     * Symmetric key of individual enrollments: every device of the fleet signs with this same key
     * (create the individual enrollments with it).
     *
     * @param deviceKey the enrollment's primary or secondary key, base64
     */
    record SymmetricIndividual(String deviceKey) implements Attestation {
        public SymmetricIndividual {
            requireKey(deviceKey);
        }

        /** Names the kind only: the device key is a secret and must not reach a log. */
        @Override
        public String toString() {
            return "SymmetricIndividual[deviceKey=****]";
        }

        @Override
        public String kind() {
            return "symmetric";
        }
    }

    /**
     * X.509 leaves minted on the fly, one per device, CN = registration ID, signed by the issuer;
     * the device sends leaf + {@code issuerChain} in the TLS handshake.
     *
     * @param issuerChain the issuing CA first, then its issuers up to (optionally including) the root
     * @param issuerKey   the issuing CA's private key
     * @param validity    how long the minted leaves are valid
     */
    record X509Issued(List<X509Certificate> issuerChain, PrivateKey issuerKey, Duration validity) implements Attestation {
        public X509Issued {
            issuerChain = List.copyOf(issuerChain);
            Objects.requireNonNull(issuerKey, "issuerKey");
            Objects.requireNonNull(validity, "validity");
            if (issuerChain.isEmpty()) {
                throw new IllegalArgumentException("the issuer chain needs the issuing CA certificate");
            }
        }

        /** From PEM texts: the issuer's certificate (plus its chain) and its private key (PKCS#8, PKCS#1 or SEC1). */
        public static X509Issued fromPem(String issuerChainPem, String issuerKeyPem) {
            return new X509Issued(Trust.parsePem(issuerChainPem), PemKeys.privateKey(issuerKeyPem), Duration.ofDays(30));
        }

        /** The issuing CA's subject, never its private key. */
        @Override
        public String toString() {
            return "X509Issued[issuer=" + issuerChain.getFirst().getSubjectX500Principal().getName() + ", validity=" + validity + "]";
        }

        @Override
        public String kind() {
            return "x509";
        }
    }

    /**
     * One supplied X.509 device certificate: the fleet is that one device (count 1), its
     * registration ID the certificate's CN.
     *
     * @param chain leaf first, then the intermediates to send in the handshake
     * @param key   the leaf's private key
     */
    record X509Supplied(List<X509Certificate> chain, PrivateKey key) implements Attestation {
        public X509Supplied {
            chain = List.copyOf(chain);
            Objects.requireNonNull(key, "key");
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the chain needs the device certificate");
            }
        }

        public static X509Supplied fromPem(String chainPem, String keyPem) {
            return new X509Supplied(Trust.parsePem(chainPem), PemKeys.privateKey(keyPem));
        }

        /** The first key entry of a PKCS#12 file. */
        public static X509Supplied fromPkcs12(Path file, char[] password) {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                    String alias = aliases.nextElement();
                    if (store.isKeyEntry(alias)) {
                        Certificate[] chain = store.getCertificateChain(alias);
                        return new X509Supplied(Arrays.stream(chain).map(X509Certificate.class::cast).toList(),
                                (PrivateKey) store.getKey(alias, password));
                    }
                }
                throw new IllegalArgumentException("no private key in " + file);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot read PKCS#12 " + file + ": " + e.getMessage(), e);
            }
        }

        /** The device certificate's common name: the registration ID the device uses. */
        public String registrationId() {
            return PemKeys.commonName(chain.getFirst());
        }

        /** The device's registration ID, never its private key. */
        @Override
        public String toString() {
            return "X509Supplied[registrationId=" + registrationId() + "]";
        }

        @Override
        public String kind() {
            return "x509";
        }
    }

    /**
     * A software TPM per device, its EK and SRK kept in {@code stateDirectory} (one file per
     * device, named after the device's pattern name) so a device keeps its EK across runs. TPM
     * devices register over HTTPS only (the activation of security.md §6 over device-api.md §4.6).
     *
     * @param stateDirectory      where the TPM state files live (created when missing)
     * @param ekRegistrationIds   true: the registration ID is the SDK default derived from the EK
     *                            (base32 of SHA-256 of the EK's TPM2B_PUBLIC, lower case, no padding);
     *                            false: the registration ID is the name from the pattern
     */
    record Tpm(Path stateDirectory, boolean ekRegistrationIds) implements Attestation {
        public Tpm {
            Objects.requireNonNull(stateDirectory, "stateDirectory");
        }

        @Override
        public String kind() {
            return "tpm";
        }
    }

    private static void requireKey(String base64) {
        Objects.requireNonNull(base64, "key");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the symmetric key is not base64", e);
        }
        if (key.length < 16 || key.length > 64) {
            throw new IllegalArgumentException("a symmetric key has 16 to 64 bytes, this one " + key.length);
        }
    }
}
