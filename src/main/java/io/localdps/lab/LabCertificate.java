package io.localdps.lab;

import io.localdps.tls.Pem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;

/**
 * A certificate the lab generated, with its private key sealed by {@link LabKeyCipher}. Only the
 * service unseals the key, and only for a download the admin asked for.
 */
public class LabCertificate {

    public enum Kind { ROOT_CA, INTERMEDIATE_CA, DEVICE;

        public boolean ca() {
            return this != DEVICE;
        }
    }

    @Id
    private Long id;
    @Version
    private Long version;
    private String name;
    private String nameKey;
    private Kind kind;
    private String issuerName;
    private KeyAlgorithm keyAlgorithm;
    private String subject;
    private String sha256Thumbprint;
    private Instant notBefore;
    private Instant notAfter;
    private String certificatePem;
    private String chainPem;
    private String privateKeyEncrypted;
    private String keyId;
    private Instant created;

    @PersistenceCreator
    LabCertificate() {
    }

    LabCertificate(String name, Kind kind, LabCertificate issuer, KeyAlgorithm keyAlgorithm, X509Certificate certificate,
                   String thumbprint, String privateKeyEncrypted, String keyId, Instant now) {
        this.name = name;
        this.nameKey = keyOf(name);
        this.kind = kind;
        this.issuerName = issuer == null ? null : issuer.name;
        this.keyAlgorithm = keyAlgorithm;
        this.subject = certificate.getSubjectX500Principal().getName();
        this.sha256Thumbprint = thumbprint;
        this.notBefore = certificate.getNotBefore().toInstant();
        this.notAfter = certificate.getNotAfter().toInstant();
        this.certificatePem = Pem.certificate(certificate);
        // The issuer's own chain follows the issuer: leaf -> ... -> root, the order TLS sends.
        this.chainPem = issuer == null ? "" : issuer.certificatePem + issuer.chainPem;
        this.privateKeyEncrypted = privateKeyEncrypted;
        this.keyId = keyId;
        this.created = now;
    }

    static String keyOf(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The lab CA that signed it; null for a root. */
    public String issuerName() {
        return issuerName;
    }

    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    public String subject() {
        return subject;
    }

    public String sha256Thumbprint() {
        return sha256Thumbprint;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public String certificatePem() {
        return certificatePem;
    }

    /** The certificate followed by its issuers up to the root. */
    public String fullChainPem() {
        return certificatePem + chainPem;
    }

    String privateKeyEncrypted() {
        return privateKeyEncrypted;
    }

    String keyId() {
        return keyId;
    }

    public Instant created() {
        return created;
    }
}
