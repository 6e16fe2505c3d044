package io.localdps.certificate;

import io.localdps.common.EntityTag;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Locale;

/**
 * A CA certificate of the instance's store (security.md §4.1): the certificate itself, the facts
 * the console shows, and the state of its proof of possession. Enrollment groups reference it by
 * name; devices whose chain reaches it register through those groups once it is verified.
 */
public class CaCertificate {

    @Id
    private Long id;
    @Version
    private Long version;
    private String name;
    private String nameKey;
    private String certificatePem;
    private String subject;
    private String issuer;
    private String sha1Thumbprint;
    private String sha256Thumbprint;
    private Instant notBefore;
    private Instant notAfter;
    private String keyAlgorithm;
    private int keySize;
    private boolean certificateAuthority;
    private boolean verified;
    private String verificationCode;
    private Instant created;
    private Instant updated;

    @PersistenceCreator
    CaCertificate() {
    }

    CaCertificate(String name, ParsedCertificate certificate, boolean verified, Instant now) {
        X509CertificateInfo info = certificate.info();
        this.name = name;
        this.nameKey = keyOf(name);
        this.certificatePem = certificate.pem();
        this.subject = info.subjectName();
        this.issuer = info.issuerName();
        this.sha1Thumbprint = info.sha1Thumbprint();
        this.sha256Thumbprint = info.sha256Thumbprint();
        this.notBefore = info.notBeforeUtc();
        this.notAfter = info.notAfterUtc();
        this.keyAlgorithm = certificate.keyAlgorithm();
        this.keySize = certificate.keySize();
        this.certificateAuthority = certificate.isCa();
        this.verified = verified;
        this.created = now;
        this.updated = now;
    }

    static String keyOf(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** A new code replaces any pending one, so a leaked older code proves nothing. */
    void startVerification(String code, Instant now) {
        this.verificationCode = code;
        this.updated = now;
    }

    void markVerified(Instant now) {
        this.verified = true;
        this.verificationCode = null;
        this.updated = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public String etag() {
        return EntityTag.of(id, version);
    }

    public String name() {
        return name;
    }

    public String pem() {
        return certificatePem;
    }

    public ParsedCertificate parsed() {
        return CertificateParser.parse(certificatePem);
    }

    public String subject() {
        return subject;
    }

    public String issuer() {
        return issuer;
    }

    /** SHA-1 of the DER, upper-case hex: the {@code thumbprint} of the ARM resource. */
    public String sha1Thumbprint() {
        return sha1Thumbprint;
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

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int keySize() {
        return keySize;
    }

    /** Whether basicConstraints says CA=true (always, for certificates added through the service). */
    public boolean certificateAuthority() {
        return certificateAuthority;
    }

    public boolean verified() {
        return verified;
    }

    /** The pending proof-of-possession code, or null. */
    public String verificationCode() {
        return verificationCode;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }
}
