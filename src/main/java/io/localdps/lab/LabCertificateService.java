package io.localdps.lab;

import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateService;
import io.localdps.certificate.CertificateParser;
import io.localdps.common.AlreadyExistsException;
import io.localdps.common.AuditedChange;
import io.localdps.common.InvalidInputException;
import io.localdps.common.NotFoundException;
import io.localdps.common.PageRequest;
import io.localdps.common.StaleVersionException;
import io.localdps.enrollment.EnrollmentRules;
import io.localdps.lab.LabCertificate.Kind;
import io.localdps.lab.LabIssuer.Issued;
import io.localdps.tls.Pem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate lab (issue #4, item 5): generates root and intermediate CAs and device
 * certificates, hands out their files, puts lab CAs into the CA certificate store and proves
 * possession of store certificates whose key the lab holds. Talks to the store only through
 * {@link CaCertificateService}.
 */
@Service
@Transactional(readOnly = true)
public class LabCertificateService {

    public static final String NAME = "name";
    public static final String REGISTRATION_ID = "registrationId";
    public static final String ISSUER = "issuer";
    public static final String VALIDITY = "validityDays";
    public static final String PASSWORD = "password";

    private final LabCertificateRepository certificates;
    private final CaCertificateService store;
    private final LabKeyCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LabCertificateService(LabCertificateRepository certificates, CaCertificateService store, LabKeyCipher cipher,
                          ApplicationEventPublisher events, Clock clock) {
        this.certificates = certificates;
        this.events = events;
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    public List<LabCertificate> page(PageRequest page) {
        String column = switch (page.sortBy() == null ? "name" : page.sortBy()) {
            case "kind" -> "kind";
            case "expiry" -> "notAfter";
            case "created" -> "created";
            default -> "nameKey";
        };
        Sort sort = Sort.by(page.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC, column).and(Sort.by("id"));
        return certificates.findAllBy(new OffsetPage(page.offset(), page.limit(), sort));
    }

    public long count() {
        return certificates.count();
    }

    /** The lab CAs that can sign: roots and intermediates. */
    public List<LabCertificate> certificateAuthorities() {
        return certificates.findByKindInOrderByNameKey(List.of(Kind.ROOT_CA, Kind.INTERMEDIATE_CA));
    }

    public Optional<LabCertificate> find(String name) {
        return name == null || name.isBlank() ? Optional.empty() : certificates.findByNameKey(LabCertificate.keyOf(name));
    }

    public LabCertificate get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("The lab holds no certificate named " + name + "."));
    }

    @Transactional
    public LabCertificate createRootCa(String name, KeyAlgorithm algorithm, Integer validityDays) {
        Map<String, String> errors = new LinkedHashMap<>();
        LabRules.caNameProblem(name).ifPresent(m -> errors.put(NAME, m));
        LabRules.validityProblem(validityDays, true).ifPresent(m -> errors.put(VALIDITY, m));
        throwIfAny(errors);
        String trimmed = name.trim();
        return save(trimmed, Kind.ROOT_CA, null, algorithm, LabIssuer.root(trimmed, algorithm, validityDays, clock.instant()));
    }

    @Transactional
    public LabCertificate createIntermediateCa(String name, String issuerName, KeyAlgorithm algorithm, Integer validityDays) {
        Map<String, String> errors = new LinkedHashMap<>();
        LabRules.caNameProblem(name).ifPresent(m -> errors.put(NAME, m));
        LabCertificate issuer = issuer(issuerName, validityDays, true, errors);
        String trimmed = name.trim();
        return save(trimmed, Kind.INTERMEDIATE_CA, issuer, algorithm, LabIssuer.issue(unseal(issuer), trimmed,
                LabIssuer.Role.INTERMEDIATE, algorithm, validityDays, clock.instant()));
    }

    /** The certificate's CN is the registration ID, as DPS requires for X.509 individual enrollments and groups. */
    @Transactional
    public LabCertificate createDeviceCertificate(String registrationId, String issuerName, KeyAlgorithm algorithm,
                                                  Integer validityDays) {
        Map<String, String> errors = new LinkedHashMap<>();
        EnrollmentRules.registrationIdProblem(registrationId).ifPresent(m -> errors.put(REGISTRATION_ID, m));
        if (registrationId != null && registrationId.length() > EnrollmentRules.MAX_X509_ID_LENGTH) {
            errors.putIfAbsent(REGISTRATION_ID, "An X.509 registration ID is the certificate's CN and can be at most "
                    + EnrollmentRules.MAX_X509_ID_LENGTH + " characters long.");
        }
        LabCertificate issuer = issuer(issuerName, validityDays, false, errors);
        return save(registrationId, Kind.DEVICE, issuer, algorithm, LabIssuer.issue(unseal(issuer), registrationId,
                LabIssuer.Role.DEVICE, algorithm, validityDays, clock.instant()));
    }

    private LabCertificate issuer(String issuerName, Integer validityDays, boolean ca, Map<String, String> errors) {
        LabRules.validityProblem(validityDays, ca).ifPresent(m -> errors.put(VALIDITY, m));
        Optional<LabCertificate> issuer = find(issuerName).filter(c -> c.kind().ca());
        if (issuer.isEmpty()) {
            errors.put(ISSUER, issuerName == null || issuerName.isBlank()
                    ? "Choose the lab CA that signs it." : "The lab holds no CA named " + issuerName + ".");
        } else if (!errors.containsKey(VALIDITY)) {
            Instant notAfter = issuer.get().notAfter();
            if (clock.instant().plus(Duration.ofDays(validityDays)).isAfter(notAfter)) {
                long left = Math.max(0, Duration.between(clock.instant(), notAfter).toDays());
                errors.put(VALIDITY, "The CA " + issuer.get().name() + " expires on " + notAfter
                        + "; choose at most " + left + " days.");
            }
        }
        throwIfAny(errors);
        return issuer.orElseThrow();
    }

    /** The unencrypted PKCS#8 key, for a download the admin asked for. */
    public String privateKeyPem(String name) {
        return LabFiles.privateKeyPem(unseal(get(name)).privateKey());
    }

    /** Key, certificate and chain to the root in one PKCS#12 file, protected by the password. */
    public byte[] pkcs12(String name, String password) {
        LabRules.passwordProblem(password).ifPresent(m -> {
            throw new InvalidInputException(PASSWORD, m);
        });
        LabCertificate certificate = get(name);
        return LabFiles.pkcs12(certificate.name(), unseal(certificate).privateKey(), certificate.fullChainPem(),
                password.toCharArray());
    }

    /**
     * Stores a lab CA in the CA certificate store as verified on upload: the lab generated the key
     * and still holds it, which is what a proof of possession would show.
     */
    @Transactional
    public CaCertificate addToStore(String labName, String storeName) {
        LabCertificate certificate = get(labName);
        if (!certificate.kind().ca()) {
            throw new InvalidInputException(NAME, certificate.name() + " is a device certificate; only CAs go into the store.");
        }
        return store.add(storeName, certificate.certificatePem(), true);
    }

    /** A certificate of the store, for callers that need its current version. */
    public CaCertificate storeCertificate(String storeName) {
        return store.get(storeName);
    }

    /**
     * The lab CA with this SHA-256 thumbprint (the thumbprint a store certificate or an enrollment
     * group's signing certificate shows) with its key unsealed, when the lab holds that CA; for
     * simulated devices whose leaves are minted in memory.
     */
    public Optional<LabSigningCa> signingCa(String sha256Thumbprint) {
        return sha256Thumbprint == null ? Optional.empty() : certificates.findBySha256Thumbprint(sha256Thumbprint)
                .filter(certificate -> certificate.kind().ca())
                .map(certificate -> new LabSigningCa(certificate.name(), Pem.readCertificates(certificate.fullChainPem()),
                        unseal(certificate).privateKey()));
    }

    /** Whether the lab holds the private key of the store certificate (same SHA-256 thumbprint). */
    public boolean holdsKeyOf(CaCertificate storeCertificate) {
        return certificates.findBySha256Thumbprint(storeCertificate.sha256Thumbprint()).isPresent();
    }

    /** The proof-of-possession certificate for the store certificate's pending code, signed with the lab's key. */
    public String verificationCertificatePem(String storeName) {
        CaCertificate target = store.get(storeName);
        if (target.verified()) {
            throw new InvalidInputException(ISSUER, "The store certificate " + target.name() + " is already verified.");
        }
        if (target.verificationCode() == null) {
            throw new InvalidInputException(ISSUER, "Generate a verification code for " + target.name() + " first.");
        }
        LabCertificate ca = certificates.findBySha256Thumbprint(target.sha256Thumbprint())
                .orElseThrow(() -> new InvalidInputException(ISSUER, "The lab does not hold the private key of "
                        + target.name() + "; create the verification certificate where its key is."));
        Instant caNotAfter = ca.notAfter();
        int days = (int) Math.max(1, Math.min(30, Duration.between(clock.instant(), caNotAfter).toDays()));
        return Pem.certificate(LabIssuer.issue(unseal(ca), target.verificationCode(), LabIssuer.Role.VERIFICATION,
                ca.keyAlgorithm(), days, clock.instant()).certificate());
    }

    /** One click: starts a code when none is pending, signs it with the lab's key and completes the proof. */
    @Transactional
    public CaCertificate proveStoreCertificate(String storeName, long expectedVersion) {
        CaCertificate target = store.get(storeName);
        long version = expectedVersion;
        if (target.verificationCode() == null && !target.verified()) {
            version = store.generateVerificationCode(storeName, expectedVersion).version();
        }
        return store.verify(storeName, version, verificationCertificatePem(storeName));
    }

    /**
     * Deletes a lab certificate and its sealed key. Refused for a CA that signed other lab
     * certificates: their chains and downloads would lose their issuer. A copy in the CA store stays.
     */
    @Transactional
    public void delete(String name, long expectedVersion) {
        LabCertificate certificate = get(name);
        if (certificate.version() != expectedVersion) {
            throw new StaleVersionException("Someone else changed the lab certificate " + certificate.name()
                    + " after you opened it. Reload, then try again.");
        }
        if (certificates.existsByIssuerName(certificate.name())) {
            throw new InvalidInputException(NAME, "The CA " + certificate.name() + " signed other lab certificates; "
                    + "delete those first.");
        }
        certificates.delete(certificate);
        events.publishEvent(AuditedChange.deleted(AuditedChange.Kind.LAB_CERTIFICATE, certificate.name(), snapshot(certificate)));
    }

    private LabCertificate save(String name, Kind kind, LabCertificate issuer, KeyAlgorithm algorithm, Issued issued) {
        if (certificates.existsByNameKey(LabCertificate.keyOf(name))) {
            throw duplicate(name);
        }
        String thumbprint = CertificateParser.parse(Pem.certificate(issued.certificate())).sha256Thumbprint();
        String sealed = cipher.seal(issued.privateKey().getEncoded(), thumbprint);
        try {
            LabCertificate saved = certificates.save(new LabCertificate(name, kind, issuer, algorithm, issued.certificate(),
                    thumbprint, sealed, cipher.keyId(), clock.instant()));
            events.publishEvent(AuditedChange.created(AuditedChange.Kind.LAB_CERTIFICATE, saved.name(), snapshot(saved)));
            return saved;
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
    }

    private Issued unseal(LabCertificate certificate) {
        if (!certificate.keyId().equals(cipher.keyId())) {
            throw new IllegalStateException("The private key of lab certificate " + certificate.name() + " was sealed with "
                    + "encryption key " + certificate.keyId() + ", but this node has key " + cipher.keyId()
                    + ": give every node the same dps.lab.encryption-key.");
        }
        byte[] pkcs8 = cipher.open(certificate.privateKeyEncrypted(), certificate.sha256Thumbprint());
        try {
            String algorithm = certificate.keyAlgorithm() == KeyAlgorithm.RSA_2048 ? "RSA" : "EC";
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new Issued(Pem.readCertificates(certificate.certificatePem()).getFirst(), key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The private key of lab certificate " + certificate.name() + " is damaged", e);
        }
    }

    /** Never the sealed private key: only what identifies the certificate. */
    private static Map<String, Object> snapshot(LabCertificate certificate) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", certificate.name());
        snapshot.put("kind", certificate.kind());
        snapshot.put("issuerName", certificate.issuerName());
        snapshot.put("keyAlgorithm", certificate.keyAlgorithm());
        snapshot.put("subject", certificate.subject());
        snapshot.put("sha256Thumbprint", certificate.sha256Thumbprint());
        snapshot.put("notAfter", certificate.notAfter());
        return snapshot;
    }

    private static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static AlreadyExistsException duplicate(String name) {
        return new AlreadyExistsException(NAME, "The lab already holds a certificate named \"" + name
                + "\" (names are compared ignoring case).");
    }
}
