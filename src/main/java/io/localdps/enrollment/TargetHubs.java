package io.localdps.enrollment;

import java.util.List;
import java.util.Locale;

/**
 * The linked hubs an enrollment may assign to, as lower-case host names. Empty means every hub
 * linked at registration time, including hubs linked later (behaviour.md §5.1).
 */
public record TargetHubs(List<String> hostNames) {

    public TargetHubs {
        hostNames = hostNames == null ? List.of()
                : hostNames.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    public static TargetHubs allLinkedHubs() {
        return new TargetHubs(List.of());
    }

    public static TargetHubs of(String... hostNames) {
        return new TargetHubs(List.of(hostNames));
    }

    public boolean followsAllLinkedHubs() {
        return hostNames.isEmpty();
    }

    public boolean contains(String hostName) {
        return hostNames.contains(hostName.toLowerCase(Locale.ROOT));
    }
}
