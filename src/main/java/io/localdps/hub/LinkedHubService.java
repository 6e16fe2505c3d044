package io.localdps.hub;

import io.localdps.common.AlreadyExistsException;
import io.localdps.common.AuditedChange;
import io.localdps.common.InvalidInputException;
import io.localdps.common.LimitExceededException;
import io.localdps.common.NotFoundException;
import io.localdps.common.PageRequest;
import io.localdps.common.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Links, edits and unlinks IoT hubs. Owns the transactions of the hub feature. */
@Service
@Transactional(readOnly = true)
public class LinkedHubService {

    private static final Set<String> SORTABLE = Set.of("hostName", "allocationWeight", "applyAllocationPolicy", "location");

    private final LinkedHubRepository hubs;
    private final ObjectProvider<HubReferences> references;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LinkedHubService(LinkedHubRepository hubs, ObjectProvider<HubReferences> references, ApplicationEventPublisher events,
                     Clock clock) {
        this.hubs = hubs;
        this.events = events;
        this.references = references;
        this.clock = clock;
    }

    public List<LinkedHub> page(PageRequest page) {
        String column = page.sortBy() != null && SORTABLE.contains(page.sortBy()) ? page.sortBy() : "hostName";
        Sort sort = Sort.by(page.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC, column);
        return hubs.findAll(sort).stream().skip(page.offset()).limit(page.limit()).toList();
    }

    public List<LinkedHub> all() {
        return hubs.findAll(Sort.by("hostName"));
    }

    public Set<String> linkedHostNames() {
        return hubs.findAll().stream().map(LinkedHub::hostName).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<LinkedHub> find(String hostName) {
        return hubs.findByHostName(normalise(hostName));
    }

    public boolean isLinked(String hostName) {
        return hostName != null && hubs.existsByHostName(normalise(hostName));
    }

    public long count() {
        return hubs.count();
    }

    @Transactional
    public LinkedHub link(String hostName, LinkedHubSettings settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        LinkedHubRules.hostNameProblem(hostName).ifPresent(m -> errors.put("hostName", m));
        validate(settings, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String host = normalise(hostName);
        if (hubs.existsByHostName(host)) {
            throw new AlreadyExistsException("hostName", "The hub " + host + " is already linked.");
        }
        if (hubs.count() >= LinkedHubRules.MAX_LINKED_HUBS) {
            throw new LimitExceededException("An instance can link at most " + LinkedHubRules.MAX_LINKED_HUBS + " IoT hubs.");
        }
        LinkedHub linked = hubs.save(new LinkedHub(host, settings, clock.instant()));
        events.publishEvent(AuditedChange.created(AuditedChange.Kind.LINKED_HUB, host, snapshot(linked)));
        return linked;
    }

    @Transactional
    public LinkedHub update(String hostName, long expectedVersion, LinkedHubSettings settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        validate(settings, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LinkedHub hub = find(hostName).orElseThrow(() -> new NotFoundException("The hub " + hostName + " is no longer linked."));
        if (hub.version() != expectedVersion) {
            throw staleHub(hub.hostName());
        }
        Map<String, Object> before = snapshot(hub);
        hub.apply(settings, clock.instant());
        try {
            LinkedHub saved = hubs.save(hub);
            events.publishEvent(AuditedChange.updated(AuditedChange.Kind.LINKED_HUB, saved.hostName(), before, snapshot(saved)));
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw staleHub(hub.hostName());
        }
    }

    /** Enrollments that name the hub in their target list; unlinking makes their registrations fail. */
    public List<String> referencesTo(String hostName, int limit) {
        HubReferences finder = references.getIfAvailable();
        return finder == null ? List.of() : finder.referencing(normalise(hostName), limit);
    }

    /**
     * Removes the link. The simulated hub keeps its devices, as a real hub does when DPS lets go of
     * it: they are hidden in the console and refused to DPS while the hub is unlinked, and come back
     * when it is linked again. The console tells the admin how many devices that is before unlinking;
     * to get rid of them, delete them first.
     */
    @Transactional
    public void unlink(String hostName) {
        LinkedHub hub = find(hostName).orElseThrow(() -> new NotFoundException("The hub " + hostName + " is not linked."));
        hubs.delete(hub);
        events.publishEvent(AuditedChange.deleted(AuditedChange.Kind.LINKED_HUB, hub.hostName(), snapshot(hub)));
    }

    private static Map<String, Object> snapshot(LinkedHub hub) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("hostName", hub.hostName());
        snapshot.put("allocationWeight", hub.allocationWeight());
        snapshot.put("applyAllocationPolicy", hub.applyAllocationPolicy());
        snapshot.put("location", hub.location());
        return snapshot;
    }

    private static void validate(LinkedHubSettings settings, Map<String, String> errors) {
        LinkedHubRules.weightProblem(settings.allocationWeight()).ifPresent(m -> errors.put("allocationWeight", m));
        LinkedHubRules.locationProblem(settings.location()).ifPresent(m -> errors.put("location", m));
    }

    private static StaleVersionException staleHub(String host) {
        return new StaleVersionException("Someone else changed the hub " + host
                + " after you opened it. Reload to see their change, then edit again.");
    }

    private static String normalise(String hostName) {
        return hostName.trim().toLowerCase(Locale.ROOT);
    }
}
