package io.localdps.allocation;

import io.localdps.hub.LinkedHub;

import java.util.Locale;
import java.util.Objects;

/**
 * A linked hub the device may be assigned to, as far as allocation needs to know it.
 *
 * @param hostName              the hub's host name; compared and hashed lower-case
 * @param allocationWeight      relative share of devices under {@code hashed} and {@code geoLatency}, 1…1000
 * @param applyAllocationPolicy false keeps the hub out of {@code hashed} and {@code geoLatency}
 *                              (it can still be the hub of a {@code static} enrollment)
 * @param location              the hub's region for {@code geoLatency}, e.g. {@code westeurope}; may be null
 */
public record CandidateHub(String hostName, int allocationWeight, boolean applyAllocationPolicy, String location) {

    public CandidateHub {
        Objects.requireNonNull(hostName, "hostName");
        hostName = hostName.trim().toLowerCase(Locale.ROOT);
        if (hostName.isEmpty()) {
            throw new IllegalArgumentException("A candidate hub needs a host name");
        }
        // LinkedHubRules keeps stored weights at 1 or more; a zero weight would make the hub unreachable
        // without anyone noticing, so a caller passing one has a bug worth surfacing.
        if (allocationWeight < 1) {
            throw new IllegalArgumentException("Allocation weight of " + hostName + " must be at least 1, not " + allocationWeight);
        }
    }

    public static CandidateHub of(LinkedHub hub) {
        return new CandidateHub(hub.hostName(), hub.allocationWeight(), hub.applyAllocationPolicy(), hub.location());
    }
}
