package io.localdps.simulation;

import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.hub.LinkedHub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The share of devices each linked hub should get under an enrollment's allocation settings, to
 * draw beside what the run actually got. Hashed (and geo-latency without client regions, which
 * then behaves the same) spreads by weight among the hubs taking part (behaviour.md §5); static
 * puts all on its one hub; custom is the webhook's choice, so nothing is predicted.
 */
final class PredictedShares {

    private PredictedShares() {
    }

    /** Host name to fraction (0..1), in host-name order; empty when the policy makes no prediction. */
    static Map<String, Double> of(EnrollmentSettings settings, List<LinkedHub> linked) {
        List<LinkedHub> candidates = settings.iotHubs().followsAllLinkedHubs() ? linked
                : linked.stream().filter(hub -> settings.iotHubs().contains(hub.hostName())).toList();
        AllocationPolicy policy = settings.allocationPolicy() == null ? AllocationPolicy.HASHED : settings.allocationPolicy();
        Map<String, Double> shares = new LinkedHashMap<>();
        switch (policy) {
            case STATIC -> {
                if (candidates.size() == 1) {
                    shares.put(candidates.getFirst().hostName(), 1.0);
                }
            }
            case HASHED, GEO_LATENCY -> {
                List<LinkedHub> takingPart = candidates.stream().filter(LinkedHub::applyAllocationPolicy).toList();
                double total = takingPart.stream().mapToInt(LinkedHub::allocationWeight).sum();
                if (total > 0) {
                    takingPart.forEach(hub -> shares.put(hub.hostName(), hub.allocationWeight() / total));
                }
            }
            case CUSTOM -> {
                // the webhook decides
            }
        }
        return shares;
    }
}
