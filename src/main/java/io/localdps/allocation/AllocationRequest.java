package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One device's allocation question.
 *
 * @param registrationId the device's registration ID; hashed case-insensitively
 * @param policy         the effective policy: the enrollment's, else the instance default (behaviour.md §5.1)
 * @param candidates     the enrollment's hubs if it names any, else every linked hub; for a
 *                       <em>never re-provision</em> re-registration under {@code custom}, only the current
 *                       hub (behaviour.md §7.2). Unfiltered: the engine applies {@code applyAllocationPolicy}
 *                       itself. Duplicate host names count once.
 * @param clientAddress  the device's IP address for {@code geoLatency}; null when unknown
 * @param custom         the webhook and its request parts; required for {@code custom}, ignored otherwise
 */
public record AllocationRequest(String registrationId, AllocationPolicy policy, List<CandidateHub> candidates,
                                InetAddress clientAddress, CustomAllocationContext custom) {

    public AllocationRequest {
        if (registrationId == null || registrationId.isBlank()) {
            throw new IllegalArgumentException("An allocation needs the device's registration ID");
        }
        Objects.requireNonNull(policy, "policy");
        candidates = withoutDuplicates(Objects.requireNonNull(candidates, "candidates"));
        if (policy == AllocationPolicy.CUSTOM && custom == null) {
            throw new IllegalArgumentException("Custom allocation needs the webhook definition and request parts");
        }
    }

    /** A request for the {@code hashed}, {@code geoLatency} or {@code static} policy. */
    public static AllocationRequest builtIn(String registrationId, AllocationPolicy policy,
                                            List<CandidateHub> candidates, InetAddress clientAddress) {
        return new AllocationRequest(registrationId, policy, candidates, clientAddress, null);
    }

    /** A request for the {@code custom} policy. */
    public static AllocationRequest custom(String registrationId, List<CandidateHub> candidates,
                                           CustomAllocationContext custom) {
        return new AllocationRequest(registrationId, AllocationPolicy.CUSTOM, candidates, null, custom);
    }

    private static List<CandidateHub> withoutDuplicates(List<CandidateHub> candidates) {
        Map<String, CandidateHub> byHost = new LinkedHashMap<>();
        for (CandidateHub hub : candidates) {
            Objects.requireNonNull(hub, "candidate hub");
            byHost.putIfAbsent(hub.hostName(), hub);
        }
        return List.copyOf(byHost.values());
    }
}
