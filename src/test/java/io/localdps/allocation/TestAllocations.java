package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Engines and requests for allocation tests; the webhook client is real but unused by built-in policies. */
final class TestAllocations {

    private TestAllocations() {
    }

    static AllocationEngine engine(String... clientRegions) {
        return engine(WebhookProperties.defaults(), clientRegions);
    }

    static AllocationEngine engine(WebhookProperties webhook, String... clientRegions) {
        return new AllocationEngine(new AllocationProperties(List.of(clientRegions)), new WebhookAllocationClient(webhook));
    }

    static AllocationRequest request(String registrationId, AllocationPolicy policy, List<CandidateHub> candidates) {
        return AllocationRequest.builtIn(registrationId, policy, candidates, null);
    }

    static AllocationRequest request(String registrationId, AllocationPolicy policy, List<CandidateHub> candidates,
                                     String clientAddress) {
        return AllocationRequest.builtIn(registrationId, policy, candidates, address(clientAddress));
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** The hub of an {@link AllocationDecision.Assigned}; fails the test for any other decision. */
    static String assignedHub(AllocationDecision decision) {
        assertThat(decision).isInstanceOf(AllocationDecision.Assigned.class);
        return ((AllocationDecision.Assigned) decision).iotHubHostName();
    }

    /** The hub plain {@code hashed} allocation picks among the given hubs. */
    static String hashedChoice(String registrationId, List<CandidateHub> hubs) {
        return WeightedRendezvousHashing.choose(registrationId, hubs).orElseThrow().hostName();
    }
}
