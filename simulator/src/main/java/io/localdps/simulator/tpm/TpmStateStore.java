package io.localdps.simulator.tpm;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * The persistent state of the software TPMs of a fleet: one small file per device (its EK and SRK
 * private keys, PKCS#8) in a directory, so a device keeps the same EK, and therefore the same
 * registration ID and enrollment, from run to run. The keys are simulator keys, stored unencrypted.
 */
public final class TpmStateStore {

    private final Path directory;

    public TpmStateStore(Path directory) {
        this.directory = directory;
    }

    /** The TPM of the device with this name, created and persisted on first use. */
    public SoftwareTpm open(String deviceName) {
        Path file = directory.resolve(deviceName + ".tpm");
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            Files.createDirectories(directory);
            KeyPair endorsementKey = newRsaKey();
            KeyPair storageRootKey = newRsaKey();
            save(file, endorsementKey, storageRootKey);
            return new SoftwareTpm(endorsementKey, storageRootKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the TPM state in " + directory, e);
        }
    }

    private static SoftwareTpm load(Path file) throws IOException {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            state.load(in);
        }
        return new SoftwareTpm(keyPair(state.getProperty("endorsementKey")), keyPair(state.getProperty("storageRootKey")));
    }

    private static void save(Path file, KeyPair endorsementKey, KeyPair storageRootKey) throws IOException {
        Properties state = new Properties();
        state.setProperty("endorsementKey", Base64.getEncoder().encodeToString(endorsementKey.getPrivate().getEncoded()));
        state.setProperty("storageRootKey", Base64.getEncoder().encodeToString(storageRootKey.getPrivate().getEncoded()));
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
            state.store(out, "LocalDPS simulator: software TPM of one device (EK and SRK private keys, PKCS#8)");
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair(String pkcs8) {
        if (pkcs8 == null) {
            throw new IllegalStateException("a TPM state file lacks a key");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a TPM state file holds no RSA key", e);
        }
    }
}
