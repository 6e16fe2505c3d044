package io.localdps.certificate;

import io.localdps.common.AlreadyExistsException;
import io.localdps.common.AuditedChange;
import io.localdps.common.InvalidInputException;
import io.localdps.common.LimitExceededException;
import io.localdps.common.NotFoundException;
import io.localdps.common.PageRequest;
import io.localdps.common.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CA certificate store (security.md §4): adds certificates, runs their proof of possession and
 * deletes them while no enrollment names them. Owns the transactions of the certificate feature.
 */
@Service
@Transactional(readOnly = true)
public class CaCertificateService implements CaCertificateDirectory {

    public static final String NAME = "name";
    public static final String CERTIFICATE = "certificate";
    public static final String VERIFICATION_CODE = "verificationCode";

    /** 24 random bytes: 48 upper-case hex characters, as long as Azure's codes look. */
    private static final int CODE_BYTES = 24;
    private static final Map<String, Comparator<CaCertificate>> SORTS = Map.of(
            "name", Comparator.comparing(c -> c.name().toLowerCase()),
            "status", Comparator.comparing(CaCertificate::verified),
            "subject", Comparator.comparing(CaCertificate::subject),
            "expiry", Comparator.comparing(CaCertificate::notAfter));

    private final CaCertificateRepository certificates;
    private final ObjectProvider<CaCertificateReferences> references;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CaCertificateService(CaCertificateRepository certificates, ObjectProvider<CaCertificateReferences> references,
                         ApplicationEventPublisher events, Clock clock) {
        this.certificates = certificates;
        this.events = events;
        this.references = references;
        this.clock = clock;
    }

    /** At most 25 rows exist, so sorting in memory costs less than a query per sort column. */
    public List<CaCertificate> page(PageRequest page) {
        Comparator<CaCertificate> order = SORTS.getOrDefault(page.sortBy() == null ? "name" : page.sortBy(), SORTS.get("name"));
        return certificates.findAll().stream()
                .sorted(page.ascending() ? order : order.reversed())
                .skip(page.offset()).limit(page.limit()).toList();
    }

    public List<CaCertificate> all() {
        return certificates.findAllByOrderByNameKey();
    }

    public long count() {
        return certificates.count();
    }

    public Optional<CaCertificate> find(String name) {
        return name == null || name.isBlank() ? Optional.empty() : certificates.findByNameKey(CaCertificate.keyOf(name));
    }

    public CaCertificate get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("There is no CA certificate named " + name + "."));
    }

    @Override
    public boolean exists(String certificateName) {
        return certificateName != null && !certificateName.isBlank()
                && certificates.existsByNameKey(CaCertificate.keyOf(certificateName));
    }

    @Override
    public List<String> verifiedCertificateNames() {
        return certificates.findByVerifiedTrueOrderByNameKey().stream().map(CaCertificate::name).toList();
    }

    /**
     * Stores a CA certificate. {@code verifiedOnUpload} is Azure's "Set certificate status to
     * verified on upload": the admin vouches for the certificate and no proof of possession is run.
     */
    @Transactional
    public CaCertificate add(String name, String certificate, boolean verifiedOnUpload) {
        Map<String, String> errors = new LinkedHashMap<>();
        CaCertificateRules.nameProblem(name).ifPresent(m -> errors.put(NAME, m));
        ParsedCertificate parsed = null;
        try {
            parsed = CertificateParser.parse(certificate);
            certificateProblem(parsed).ifPresent(m -> errors.put(CERTIFICATE, m));
        } catch (InvalidCertificateException e) {
            errors.put(CERTIFICATE, e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String trimmed = name.trim();
        if (certificates.existsByNameKey(CaCertificate.keyOf(trimmed))) {
            throw duplicateName(trimmed);
        }
        Optional<CaCertificate> same = certificates.findBySha256Thumbprint(parsed.sha256Thumbprint());
        if (same.isPresent()) {
            throw new AlreadyExistsException(CERTIFICATE, "This certificate is already stored as \"" + same.get().name() + "\".");
        }
        // Counted in the transaction that inserts, as the enrollment quotas are.
        if (certificates.count() >= CaCertificateRules.MAX_CERTIFICATES) {
            throw new LimitExceededException("This instance already holds the maximum of "
                    + CaCertificateRules.MAX_CERTIFICATES + " CA certificates. Delete one you no longer need first.");
        }
        try {
            CaCertificate added = certificates.save(new CaCertificate(trimmed, parsed, verifiedOnUpload, clock.instant()));
            events.publishEvent(AuditedChange.created(AuditedChange.Kind.CA_CERTIFICATE, added.name(), snapshot(added))
                    .withNote(verifiedOnUpload ? "set to verified on upload (no proof of possession)" : null));
            return added;
        } catch (DuplicateKeyException e) {
            throw duplicateName(trimmed);
        }
    }

    private Optional<String> certificateProblem(ParsedCertificate certificate) {
        if (!certificate.isCa()) {
            return Optional.of("This is not a CA certificate: it lacks the basic constraint CA=true, so it cannot sign device certificates.");
        }
        if (certificate.notAfter().isBefore(clock.instant())) {
            return Optional.of("This certificate expired on " + certificate.notAfter() + ".");
        }
        return Optional.empty();
    }

    /** Starts (or restarts) the proof of possession: a fresh random code replaces any pending one. */
    @Transactional
    public CaCertificate generateVerificationCode(String name, long expectedVersion) {
        CaCertificate certificate = current(name, expectedVersion);
        if (certificate.verified()) {
            throw new InvalidInputException(VERIFICATION_CODE, "The certificate " + certificate.name() + " is already verified.");
        }
        byte[] code = new byte[CODE_BYTES];
        random.nextBytes(code);
        Map<String, Object> before = snapshot(certificate);
        certificate.startVerification(HexFormat.of().withUpperCase().formatHex(code), clock.instant());
        return save(certificate, before, AuditedChange.Action.VERIFICATION_CODE_GENERATED);
    }

    /** Completes the proof of possession with a certificate the CA signed for the pending code. */
    @Transactional
    public CaCertificate verify(String name, long expectedVersion, String verificationCertificate) {
        CaCertificate certificate = current(name, expectedVersion);
        if (certificate.verified()) {
            throw new InvalidInputException(VERIFICATION_CODE, "The certificate " + certificate.name() + " is already verified.");
        }
        if (certificate.verificationCode() == null) {
            throw new InvalidInputException(VERIFICATION_CODE, "Generate a verification code first, then create the "
                    + "verification certificate with that code as its subject CN.");
        }
        ParsedCertificate verification;
        try {
            verification = CertificateParser.parse(verificationCertificate);
        } catch (InvalidCertificateException e) {
            throw new InvalidInputException(CERTIFICATE, e.getMessage());
        }
        ProofOfPossession.problem(certificate.parsed(), certificate.verificationCode(), verification, clock.instant())
                .ifPresent(problem -> {
                    throw new InvalidInputException(CERTIFICATE, problem);
                });
        Map<String, Object> before = snapshot(certificate);
        certificate.markVerified(clock.instant());
        return save(certificate, before, AuditedChange.Action.VERIFIED);
    }

    /** Enrollments that name the certificate in their caReferences. */
    public List<String> referencesTo(String name, int limit) {
        CaCertificateReferences finder = references.getIfAvailable();
        return finder == null ? List.of() : finder.referencing(name, limit);
    }

    /** Refused while an enrollment group names the certificate: its devices would silently stop registering. */
    @Transactional
    public void delete(String name, long expectedVersion) {
        CaCertificate certificate = current(name, expectedVersion);
        List<String> referencing = referencesTo(certificate.name(), 20);
        if (!referencing.isEmpty()) {
            throw new CertificateInUseException("The CA certificate " + certificate.name() + " cannot be deleted while "
                    + "enrollments reference it: " + String.join(", ", referencing) + ". Change or delete them first.",
                    referencing);
        }
        certificates.delete(certificate);
        events.publishEvent(AuditedChange.deleted(AuditedChange.Kind.CA_CERTIFICATE, certificate.name(), snapshot(certificate)));
    }

    private CaCertificate current(String name, long expectedVersion) {
        CaCertificate certificate = get(name);
        if (certificate.version() != expectedVersion) {
            throw stale(certificate.name());
        }
        return certificate;
    }

    private CaCertificate save(CaCertificate certificate, Map<String, Object> before, AuditedChange.Action action) {
        try {
            CaCertificate saved = certificates.save(certificate);
            events.publishEvent(new AuditedChange(AuditedChange.Kind.CA_CERTIFICATE, saved.name(), action, before,
                    snapshot(saved), null));
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw stale(certificate.name());
        }
    }

    /** The facts an admin recognises a certificate by; the PEM itself is left out (the thumbprints pin it). */
    private static Map<String, Object> snapshot(CaCertificate certificate) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", certificate.name());
        snapshot.put("subject", certificate.subject());
        snapshot.put("issuer", certificate.issuer());
        snapshot.put("sha1Thumbprint", certificate.sha1Thumbprint());
        snapshot.put("sha256Thumbprint", certificate.sha256Thumbprint());
        snapshot.put("notAfter", certificate.notAfter());
        snapshot.put("verified", certificate.verified());
        snapshot.put("verificationCode", certificate.verificationCode());
        return snapshot;
    }

    private static AlreadyExistsException duplicateName(String name) {
        return new AlreadyExistsException(NAME, "A CA certificate named \"" + name + "\" already exists (names are compared ignoring case).");
    }

    private static StaleVersionException stale(String name) {
        return new StaleVersionException("Someone else changed the CA certificate " + name
                + " after you opened it. Reload to see their change, then try again.");
    }
}
