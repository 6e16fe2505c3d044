package io.localdps.networking;

import io.localdps.common.AuditedChange;
import io.localdps.common.InvalidInputException;
import io.localdps.common.StaleVersionException;
import io.netty.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public network access and the IP filter rules (security.md §5; portal.md §8): read, review,
 * save, and try an address. {@link #update} is the one method that changes anything, so it is
 * the one place to record networking changes.
 */
@Service
@EnableConfigurationProperties(NetworkingProperties.class)
public class NetworkingService {

    public static final String PUBLIC_NETWORK_ACCESS = "publicNetworkAccess";
    public static final String ADDRESS = "address";

    private static final Logger log = LoggerFactory.getLogger(NetworkingService.class);

    private final NetworkSettingsRepository repository;
    private final NetworkAdmission admission;
    private final NetworkingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NetworkingService(NetworkSettingsRepository repository, NetworkAdmission admission, NetworkingProperties properties,
                      ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.admission = admission;
        this.properties = properties;
        this.clock = clock;
    }

    /** The field name of one rule's property, as errors name it: {@code ipFilterRules[0].ipMask}. */
    public static String ruleField(int index, String property) {
        return IpFilterRules.field(index, property);
    }

    public int maxRules() {
        return properties.maxIpFilterRules();
    }

    /** An IP literal as an address (never a name lookup), or null: e.g. the console's client address. */
    public InetAddress addressOf(String literal) {
        return literal == null ? null : NetUtil.createInetAddressFromIpAddressString(literal.trim());
    }

    @Transactional(readOnly = true)
    public NetworkSettings settings() {
        return repository.findById(NetworkSettings.THE_ROW).orElseThrow();
    }

    /** The rule name's problem, for validating the field as the admin types. */
    public Optional<String> filterNameProblem(String name) {
        return IpFilterRules.nameProblem(name);
    }

    /** The ipMask's problem, for validating the field as the admin types. */
    public Optional<String> ipMaskProblem(String ipMask) {
        return IpMask.parse(ipMask).problem();
    }

    /**
     * Errors, warnings and the effect on the admin, without saving anything.
     *
     * @param adminAddress the address the admin's browser connects from, or null when unknown
     */
    public NetworkReview review(NetworkChange change, InetAddress adminAddress) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (change.publicNetworkAccess() == null) {
            errors.put(PUBLIC_NETWORK_ACCESS, "Choose Enabled or Disabled.");
        }
        errors.putAll(IpFilterRules.errors(change.ipFilterRules(), properties.maxIpFilterRules()));
        if (!errors.isEmpty()) {
            return new NetworkReview(errors, List.of(), Optional.empty());
        }
        IpFilter filter = IpFilter.compile(change.publicNetworkAccess(), change.ipFilterRules());
        return new NetworkReview(Map.of(), IpFilterRules.warnings(change.ipFilterRules()),
                Optional.ofNullable(adminAddress).map(address -> filter.decide(address, NetworkEndpoint.SERVICE_API)));
    }

    /**
     * Replaces the networking settings as a whole. Nothing is saved when anything is wrong.
     *
     * @param expectedVersion  the version the admin edited ({@link NetworkSettings#version()})
     * @param adminAddress     the admin's own address, or null when unknown
     * @param lockoutConfirmed the admin confirmed that the rules reject their own address on the service API
     * @throws InvalidInputException        with the errors by field
     * @throws StaleVersionException        someone saved in the meantime
     * @throws LockoutNotConfirmedException the admin's address would be rejected and that was not confirmed
     */
    @Transactional
    public NetworkSettings update(NetworkChange change, long expectedVersion, InetAddress adminAddress, boolean lockoutConfirmed) {
        NetworkReview review = review(change, adminAddress);
        if (!review.valid()) {
            throw new InvalidInputException(review.fieldErrors());
        }
        if (review.locksOutAdmin() && !lockoutConfirmed) {
            throw new LockoutNotConfirmedException("These rules reject your own address " + adminAddress.getHostAddress()
                    + " on the service API. " + review.adminDecision().orElseThrow().explanation());
        }
        NetworkSettings current = settings();
        if (current.version() != expectedVersion) {
            throw stale();
        }
        Map<String, Object> before = auditSnapshot(current);
        current.apply(change, clock.instant());
        NetworkSettings saved;
        try {
            saved = repository.save(current);
        } catch (OptimisticLockingFailureException e) {
            throw stale();
        }
        // In this transaction: the audit log's entry commits or rolls back with the settings.
        events.publishEvent(AuditedChange.updated(AuditedChange.Kind.NETWORKING, "networking", before, auditSnapshot(saved)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    admission.replace(saved);
                }
            });
        } else {
            admission.replace(saved);
        }
        log.info("Networking settings saved: public network access {}, {} IP filter rules (version {})",
                change.publicNetworkAccess().apiName(), change.ipFilterRules().size(), saved.version());
        return saved;
    }

    private static Map<String, Object> auditSnapshot(NetworkSettings settings) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put(PUBLIC_NETWORK_ACCESS, settings.publicNetworkAccess().apiName());
        snapshot.put("ipFilterRules", settings.ipFilterRules());
        return snapshot;
    }

    /**
     * How the given settings (saved or not) treat an address on an endpoint, and which rule
     * decided. For the admin only: a rejected client is never told.
     *
     * @throws InvalidInputException for an address that is not an IP literal, or invalid settings
     */
    public IpFilter.Decision test(NetworkChange change, String address, NetworkEndpoint endpoint) {
        String text = address == null ? "" : address.trim();
        if (!NetUtil.isValidIpV4Address(text) && !NetUtil.isValidIpV6Address(text)) {
            throw new InvalidInputException(ADDRESS, "Enter an IPv4 address such as 203.0.113.7 (or an IPv6 address).");
        }
        Map<String, String> errors = IpFilterRules.errors(change.ipFilterRules(), properties.maxIpFilterRules());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            InetAddress client = InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(text));
            return IpFilter.compile(change.publicNetworkAccess(), change.ipFilterRules()).decide(client, endpoint);
        } catch (UnknownHostException e) {
            throw new InvalidInputException(ADDRESS, "Not an IP address.");
        }
    }

    private static StaleVersionException stale() {
        return new StaleVersionException("Someone else changed the networking settings since you opened them. "
                + "Reload the page to see their change, then make yours again.");
    }
}
