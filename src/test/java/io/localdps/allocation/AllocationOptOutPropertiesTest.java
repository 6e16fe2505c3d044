package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.random.RandomGenerator;

import static io.localdps.allocation.RandomCases.distinctHosts;
import static io.localdps.allocation.RandomCases.forEachCase;
import static io.localdps.allocation.RandomCases.hostName;
import static io.localdps.allocation.RandomCases.registrationId;
import static io.localdps.allocation.RandomCases.weight;
import static io.localdps.allocation.TestAllocations.assignedHub;
import static io.localdps.allocation.TestAllocations.engine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code applyAllocationPolicy = false} keeps a hub out of {@code hashed} and {@code geoLatency} but not
 * out of {@code static} (behaviour.md §5.1), over random devices, hubs and client addresses drawn from fixed
 * seeds (see {@link RandomCases}).
 */
class AllocationOptOutPropertiesTest {

    private static final List<String> REGIONS = List.of("westeurope", "eastus", "japaneast");

    /** Addresses inside each configured range, then outside all of them. */
    private static final List<String> CLIENT_ADDRESSES = List.of("10.1.20.30", "10.2.0.1", "fd00:3::17", "192.0.2.8", "2001:db8::1");

    private static final long SEED = 192860359L;

    private final AllocationEngine engine = engine("10.1.0.0/16=westeurope", "10.2.0.0/16=eastus", "fd00:3::/32=japaneast");

    @Test
    void hubsOptedOutOfTheAllocationPolicyNeverGetHashedOrGeoLatencyDevices() {
        int[] allOptedOut = {0};
        int[] someOptedOut = {0};
        forEachCase(SEED, 1000, random -> {
            String id = registrationId(random);
            List<CandidateHub> hubs = distinctHosts(random.nextInt(1, 11), () -> mixedHub(random));
            AllocationPolicy policy = random.nextBoolean() ? AllocationPolicy.HASHED : AllocationPolicy.GEO_LATENCY;
            String clientAddress = clientAddress(random);
            String inputs = String.format("%s under %s from %s among %s", id, policy, clientAddress, hubs);

            AllocationDecision decision = engine.allocate(TestAllocations.request(id, policy, hubs, clientAddress));

            if (hubs.stream().noneMatch(CandidateHub::applyAllocationPolicy)) {
                allOptedOut[0]++;
                assertThat(decision).as(inputs).isInstanceOf(AllocationDecision.Failed.class);
                assertThat(((AllocationDecision.Failed) decision).errorCode()).as(inputs).isEqualTo(AllocationErrorCodes.NO_IOT_HUB_AVAILABLE);
            } else {
                if (!hubs.stream().allMatch(CandidateHub::applyAllocationPolicy)) {
                    someOptedOut[0]++;
                }
                assertThat(decision).as(inputs).isInstanceOf(AllocationDecision.Assigned.class);
                String assigned = assignedHub(decision);
                assertThat(hubs).as(inputs).filteredOn(CandidateHub::applyAllocationPolicy).extracting(CandidateHub::hostName).contains(assigned);
            }
        });
        assertThat(allOptedOut[0]).as("cases where every hub opted out, seed %d", SEED).isPositive();
        assertThat(someOptedOut[0]).as("cases where some but not all hubs opted out, seed %d", SEED).isPositive();
    }

    @Test
    void staticAllocationAlwaysLandsOnTheEnrollmentsHubEvenWhenItHasOptedOut() {
        forEachCase(SEED + 1, 1000, random -> {
            String id = registrationId(random);
            CandidateHub hub = mixedHub(random);
            String clientAddress = clientAddress(random);

            AllocationDecision decision = engine.allocate(TestAllocations.request(id, AllocationPolicy.STATIC, List.of(hub), clientAddress));

            assertThat(decision).as("%s from %s on %s", id, clientAddress, hub).isEqualTo(new AllocationDecision.Assigned(hub.hostName(), null, null));
        });
    }

    /** A hub that has opted out half the time, in one of {@link #REGIONS} or (one time in five) in none. */
    private static CandidateHub mixedHub(RandomGenerator random) {
        String location = random.nextInt(5) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size()));
        return new CandidateHub(hostName(random), weight(random), random.nextBoolean(), location);
    }

    /** One of {@link #CLIENT_ADDRESSES}, or (one time in ten) no address at all. */
    private static String clientAddress(RandomGenerator random) {
        return random.nextInt(10) == 0 ? null : CLIENT_ADDRESSES.get(random.nextInt(CLIENT_ADDRESSES.size()));
    }
}
