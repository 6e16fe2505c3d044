package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static io.localdps.allocation.TestAllocations.assignedHub;
import static io.localdps.allocation.TestAllocations.engine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code applyAllocationPolicy = false} keeps a hub out of {@code hashed} and {@code geoLatency} but not
 * out of {@code static} (behaviour.md §5.1).
 */
class AllocationOptOutPropertiesTest {

    private static final List<String> REGIONS = List.of("westeurope", "eastus", "japaneast");

    private final AllocationEngine engine = engine("10.1.0.0/16=westeurope", "10.2.0.0/16=eastus", "fd00:3::/32=japaneast");

    @Property
    void hubsOptedOutOfTheAllocationPolicyNeverGetHashedOrGeoLatencyDevices(
            @ForAll("registrationIds") String id,
            @ForAll("mixedHubSets") List<CandidateHub> hubs,
            @ForAll("hashedOrGeoLatency") AllocationPolicy policy,
            @ForAll("clientAddresses") String clientAddress) throws Exception {
        AllocationDecision decision = engine.allocate(TestAllocations.request(id, policy, hubs, clientAddress));

        if (hubs.stream().noneMatch(CandidateHub::applyAllocationPolicy)) {
            assertThat(decision).isInstanceOf(AllocationDecision.Failed.class);
            assertThat(((AllocationDecision.Failed) decision).errorCode()).isEqualTo(AllocationErrorCodes.NO_IOT_HUB_AVAILABLE);
        } else {
            String assigned = assignedHub(decision);
            assertThat(hubs).filteredOn(CandidateHub::applyAllocationPolicy).extracting(CandidateHub::hostName).contains(assigned);
        }
    }

    @Property
    void staticAllocationAlwaysLandsOnTheEnrollmentsHubEvenWhenItHasOptedOut(
            @ForAll("registrationIds") String id,
            @ForAll("mixedHubs") CandidateHub hub,
            @ForAll("clientAddresses") String clientAddress) throws Exception {
        AllocationDecision decision = engine.allocate(TestAllocations.request(id, AllocationPolicy.STATIC, List.of(hub), clientAddress));

        assertThat(decision).isEqualTo(new AllocationDecision.Assigned(hub.hostName(), null, null));
    }

    @Provide
    Arbitrary<String> registrationIds() {
        return AllocationHashedPropertiesTest.registrationIds();
    }

    @Provide
    Arbitrary<AllocationPolicy> hashedOrGeoLatency() {
        return Arbitraries.of(AllocationPolicy.HASHED, AllocationPolicy.GEO_LATENCY);
    }

    /** Addresses inside each configured range, outside all of them, and none at all. */
    @Provide
    Arbitrary<String> clientAddresses() {
        return Arbitraries.of("10.1.20.30", "10.2.0.1", "fd00:3::17", "192.0.2.8", "2001:db8::1").injectNull(0.1);
    }

    @Provide
    Arbitrary<CandidateHub> mixedHubs() {
        return Combinators.combine(AllocationHashedPropertiesTest.hostNames(), Arbitraries.integers().between(1, 1000),
                        Arbitraries.of(true, false), Arbitraries.of(REGIONS).injectNull(0.2))
                .as(CandidateHub::new);
    }

    @Provide
    Arbitrary<List<CandidateHub>> mixedHubSets() {
        return mixedHubs().list().ofMinSize(1).ofMaxSize(10).uniqueElements(CandidateHub::hostName);
    }
}
