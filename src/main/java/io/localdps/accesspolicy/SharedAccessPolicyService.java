package io.localdps.accesspolicy;

import io.localdps.attestation.SasVerification;
import io.localdps.attestation.ServiceSasVerifier;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.common.AlreadyExistsException;
import io.localdps.common.AuditedChange;
import io.localdps.common.InvalidInputException;
import io.localdps.common.NotFoundException;
import io.localdps.instance.DpsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The service API's shared access policies: the console manages them, the API's SAS check reads
 * them. Keys are 32 random bytes, base64 (security.md §2.3).
 */
@Service
@Transactional(readOnly = true)
public class SharedAccessPolicyService {

    public static final String KEY_NAME = "keyName";
    public static final String RIGHTS = "rights";

    private static final Logger log = LoggerFactory.getLogger(SharedAccessPolicyService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SharedAccessPolicyRepository policies;
    private final SharedAccessProperties properties;
    private final DpsProperties instance;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SharedAccessPolicyService(SharedAccessPolicyRepository policies, SharedAccessProperties properties,
                              DpsProperties instance, ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.events = events;
        this.properties = properties;
        this.instance = instance;
        this.clock = clock;
        if (configuredOwnerKey().isPresent()) {
            SymmetricKeys.problemWith(configuredOwnerKey().get()).ifPresent(problem -> {
                throw new IllegalStateException("dps.shared-access.owner-key: " + problem);
            });
        }
    }

    public List<SharedAccessPolicy> list() {
        return policies.findAllByOrderByKeyNameKey();
    }

    public Optional<SharedAccessPolicy> find(String keyName) {
        return keyName == null ? Optional.empty() : policies.findByKeyNameKey(SharedAccessPolicy.keyOf(keyName));
    }

    public SharedAccessPolicy get(String keyName) {
        return find(keyName).orElseThrow(() -> new NotFoundException("There is no shared access policy named " + keyName + "."));
    }

    @Transactional
    public SharedAccessPolicy create(String keyName, Set<AccessRight> rights) {
        String name = keyName == null ? "" : keyName.trim();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(KEY_NAME, "Use 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        if (rights == null || rights.isEmpty()) {
            throw new InvalidInputException(RIGHTS, "Choose at least one right.");
        }
        if (policies.existsByKeyNameKey(SharedAccessPolicy.keyOf(name))) {
            throw duplicate(name);
        }
        try {
            SharedAccessPolicy created = policies.save(new SharedAccessPolicy(name, EnumSet.copyOf(rights), newKey(), newKey(),
                    clock.instant()));
            events.publishEvent(AuditedChange.created(AuditedChange.Kind.SHARED_ACCESS_POLICY, created.keyName(), snapshot(created))
                    .withNote("primary and secondary keys generated"));
            return created;
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
    }

    @Transactional
    public SharedAccessPolicy regenerate(String keyName, PolicyKey which) {
        SharedAccessPolicy policy = get(keyName);
        policy.replaceKey(which, newKey(), clock.instant());
        SharedAccessPolicy saved = policies.save(policy);
        keyReplaced(saved, which.name().toLowerCase(java.util.Locale.ROOT) + " key regenerated");
        return saved;
    }

    @Transactional
    public void delete(String keyName) {
        find(keyName).ifPresent(policy -> {
            policies.delete(policy);
            events.publishEvent(AuditedChange.deleted(AuditedChange.Kind.SHARED_ACCESS_POLICY, policy.keyName(), snapshot(policy)));
        });
    }

    /** Records that a key changed, never the key: the snapshots hold only the name and the rights. */
    private void keyReplaced(SharedAccessPolicy policy, String note) {
        events.publishEvent(new AuditedChange(AuditedChange.Kind.SHARED_ACCESS_POLICY, policy.keyName(),
                AuditedChange.Action.KEY_REGENERATED, snapshot(policy), snapshot(policy), note));
    }

    private static Map<String, Object> snapshot(SharedAccessPolicy policy) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("keyName", policy.keyName());
        snapshot.put("rights", policy.rights().stream().map(AccessRight::apiName).sorted().toList());
        return snapshot;
    }

    /**
     * {@code HostName=...;SharedAccessKeyName=...;SharedAccessKey=...} as the service SDKs parse it
     * (security.md §2.1), with the configured service host.
     */
    public String connectionString(SharedAccessPolicy policy, PolicyKey which) {
        return "HostName=" + instance.serviceHost() + ";SharedAccessKeyName=" + policy.keyName()
                + ";SharedAccessKey=" + policy.key(which);
    }

    /**
     * Checks a service request's {@code Authorization} header: a valid token of an existing policy
     * that holds {@code required}. Every refusal is a 401 on the wire (security.md §2.3).
     *
     * @param requestPath the path as received, e.g. {@code /enrollments/dev-1}
     */
    public ServiceAuthorization authorize(String authorization, String requestPath, AccessRight required) {
        List<ServiceSasVerifier.Policy> known = list().stream()
                .map(p -> new ServiceSasVerifier.Policy(p.keyName(), p.primaryKey(), p.secondaryKey())).toList();
        SasVerification verification = ServiceSasVerifier.verify(authorization, instance.serviceHost(), requestPath,
                known, clock.instant());
        if (verification instanceof SasVerification.Rejected rejected) {
            return new ServiceAuthorization.Denied(rejected.failure().name(), rejected.detail());
        }
        String policyName = ((SasVerification.Accepted) verification).policyName().orElseThrow();
        SharedAccessPolicy policy = get(policyName);
        if (!policy.grants(required)) {
            return new ServiceAuthorization.Denied("INSUFFICIENT_RIGHTS", "the shared access policy '" + policy.keyName()
                    + "' does not have the right " + required.apiName());
        }
        return new ServiceAuthorization.Granted(policy.keyName());
    }

    /**
     * First start: the owner policy with all rights. With {@code dps.shared-access.owner-key} set,
     * the owner's primary key is that key at every start (the owner is recreated if it was deleted).
     */
    @Transactional
    public void ensureOwnerPolicy() {
        Optional<String> ownerKey = configuredOwnerKey();
        Optional<SharedAccessPolicy> owner = find(SharedAccessPolicy.OWNER);
        if (owner.isPresent()) {
            if (ownerKey.isPresent() && !ownerKey.get().equals(owner.get().primaryKey())) {
                owner.get().replaceKey(PolicyKey.PRIMARY, ownerKey.get(), clock.instant());
                keyReplaced(policies.save(owner.get()), "primary key set from dps.shared-access.owner-key");
            }
            return;
        }
        if (ownerKey.isEmpty() && policies.count() > 0) {
            return; // the admin deleted the owner on purpose; a restart does not bring it back
        }
        try {
            SharedAccessPolicy created = policies.save(new SharedAccessPolicy(SharedAccessPolicy.OWNER,
                    EnumSet.allOf(AccessRight.class), ownerKey.orElseGet(SharedAccessPolicyService::newKey), newKey(), clock.instant()));
            events.publishEvent(AuditedChange.created(AuditedChange.Kind.SHARED_ACCESS_POLICY, created.keyName(), snapshot(created))
                    .withNote("created at first start with all rights"));
            log.info("Created the shared access policy {} with all rights; its connection string is on the console's "
                    + "'Shared access policies' page", SharedAccessPolicy.OWNER);
        } catch (DuplicateKeyException e) {
            log.debug("Another node created {} first", SharedAccessPolicy.OWNER);
        }
    }

    private Optional<String> configuredOwnerKey() {
        String key = properties.ownerKey();
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(key.trim());
    }

    private static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static AlreadyExistsException duplicate(String name) {
        return new AlreadyExistsException(KEY_NAME, "A shared access policy named \"" + name
                + "\" already exists (names are compared ignoring case).");
    }
}
