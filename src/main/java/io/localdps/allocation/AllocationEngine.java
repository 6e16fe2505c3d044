package io.localdps.allocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static io.localdps.allocation.AllocationErrorCodes.NO_IOT_HUB_AVAILABLE;
import static io.localdps.allocation.AllocationErrorCodes.STATIC_ALLOCATION_NEEDS_ONE_IOT_HUB;

/**
 * Chooses the IoT hub for a registering device under the four allocation policies of behaviour.md §5.
 * The caller resolves the effective policy and the candidate hubs; this class applies the policy's
 * own filtering and makes the choice. It keeps no state between calls: the same request always gets
 * the same answer, except under {@code custom}, where the webhook decides.
 */
@Component
public class AllocationEngine {

    private static final Logger log = LoggerFactory.getLogger(AllocationEngine.class);

    private final ClientRegions clientRegions;
    private final WebhookAllocationClient webhook;

    /** @throws IllegalArgumentException for a malformed {@code dps.allocation.client-regions} entry */
    public AllocationEngine(AllocationProperties properties, WebhookAllocationClient webhook) {
        this.clientRegions = ClientRegions.parse(properties.clientRegions());
        this.webhook = webhook;
    }

    /**
     * Blocking: under {@code custom} this waits for the webhook, retries included.
     *
     * @throws InterruptedException only under {@code custom}, when the thread is interrupted while waiting
     *                              for the webhook; no decision was made
     */
    public AllocationDecision allocate(AllocationRequest request) throws InterruptedException {
        AllocationDecision decision = switch (request.policy()) {
            case HASHED -> hashed(request);
            case GEO_LATENCY -> geoLatency(request);
            case STATIC -> staticHub(request.candidates());
            case CUSTOM -> custom(request);
        };
        log.debug("Allocation of {} under {}: {}", request.registrationId(), request.policy().apiName(), decision);
        return decision;
    }

    private static AllocationDecision hashed(AllocationRequest request) {
        return chooseAmong(request.registrationId(), takingPart(request.candidates()), request.candidates());
    }

    /**
     * Hubs in the device's region, else every hub taking part; then hashed among them (behaviour.md §5.3).
     * There is no region distance table yet, so a device of an unserved region may land anywhere.
     */
    private AllocationDecision geoLatency(AllocationRequest request) {
        List<CandidateHub> takingPart = takingPart(request.candidates());
        Optional<String> region = clientRegions.regionOf(request.clientAddress());
        List<CandidateHub> inRegion = region
                .map(name -> takingPart.stream().filter(hub -> ClientRegions.normalizeRegion(hub.location()).equals(name)).toList())
                .orElse(List.of());
        return chooseAmong(request.registrationId(), inRegion.isEmpty() ? takingPart : inRegion, request.candidates());
    }

    /** The enrollment's one hub, even when it has opted out of the other policies (behaviour.md §5.1, §5.4). */
    private static AllocationDecision staticHub(List<CandidateHub> candidates) {
        if (candidates.isEmpty()) {
            return noHubAvailable("there are no linked hubs");
        }
        if (candidates.size() > 1) {
            return new AllocationDecision.Failed(STATIC_ALLOCATION_NEEDS_ONE_IOT_HUB, "Static allocation needs exactly one IoT hub "
                    + "on the enrollment, but " + candidates.size() + " hubs are candidates.");
        }
        return AllocationDecision.Assigned.to(candidates.getFirst());
    }

    /** Every candidate is offered: weights and opt-outs are the webhook's business (behaviour.md §5.5). */
    private AllocationDecision custom(AllocationRequest request) throws InterruptedException {
        if (request.candidates().isEmpty()) {
            return noHubAvailable("there are no linked hubs to offer the custom allocation webhook");
        }
        List<String> linkedHubs = request.candidates().stream().map(CandidateHub::hostName).toList();
        return webhook.allocate(request.custom(), linkedHubs);
    }

    /** Hubs with {@code applyAllocationPolicy = false} sit out {@code hashed} and {@code geoLatency}. */
    private static List<CandidateHub> takingPart(List<CandidateHub> candidates) {
        return candidates.stream().filter(CandidateHub::applyAllocationPolicy).toList();
    }

    private static AllocationDecision chooseAmong(String registrationId, List<CandidateHub> hubs, List<CandidateHub> candidates) {
        return WeightedRendezvousHashing.choose(registrationId, hubs)
                .<AllocationDecision>map(AllocationDecision.Assigned::to)
                .orElseGet(() -> candidates.isEmpty()
                        ? noHubAvailable("there are no linked hubs")
                        : noHubAvailable("all " + candidates.size() + " candidate hubs have applyAllocationPolicy set to false"));
    }

    private static AllocationDecision.Failed noHubAvailable(String why) {
        return new AllocationDecision.Failed(NO_IOT_HUB_AVAILABLE, "No IoT hub is available for allocation: " + why + ".");
    }
}
