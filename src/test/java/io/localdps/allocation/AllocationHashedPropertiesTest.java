package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.localdps.allocation.RandomCases.addedHub;
import static io.localdps.allocation.RandomCases.forEachCase;
import static io.localdps.allocation.RandomCases.hubs;
import static io.localdps.allocation.RandomCases.registrationId;
import static io.localdps.allocation.RandomCases.registrationIds;
import static io.localdps.allocation.TestAllocations.assignedHub;
import static io.localdps.allocation.TestAllocations.engine;
import static io.localdps.allocation.TestAllocations.hashedChoice;
import static io.localdps.allocation.TestAllocations.request;
import static io.localdps.allocation.TestHubs.hub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties of the {@code hashed} policy that behaviour.md §5.2 promises, over random devices and hubs drawn from
 * fixed seeds (see {@link RandomCases}).
 */
class AllocationHashedPropertiesTest {

    private static final String ONE = "one.azure-devices.net";
    private static final String TWO = "two.azure-devices.net";
    private static final String THREE = "three.azure-devices.net";

    private static final long SEED = 104372744360204L;

    private final AllocationEngine engine = engine();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {8006619654208403486L, 2022115020340378129L, 4815893964688878600L})
    void devicesSpreadOverHubsInProportionToTheirWeights(long seed) throws Exception {
        List<String> ids = registrationIds(new SplittableRandom(seed), 10_000);
        List<CandidateHub> hubs = List.of(hub(ONE, 1), hub(TWO, 2), hub(THREE, 3));
        List<String> assigned = new ArrayList<>();
        for (String id : ids) {
            assigned.add(assignedHub(engine.allocate(request(id, AllocationPolicy.HASHED, hubs))));
        }
        Map<String, Long> counts = assigned.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // One standard deviation is under 0.5 percentage points here; 2 points is far outside chance.
        assertThat(share(counts, ONE, ids.size())).as("share of %s, seed %d, counts %s", ONE, seed, counts).isCloseTo(1 / 6.0, within(0.02));
        assertThat(share(counts, TWO, ids.size())).as("share of %s, seed %d, counts %s", TWO, seed, counts).isCloseTo(2 / 6.0, within(0.02));
        assertThat(share(counts, THREE, ids.size())).as("share of %s, seed %d, counts %s", THREE, seed, counts).isCloseTo(3 / 6.0, within(0.02));
    }

    @Test
    void aDeviceAlwaysGetsTheSameHubWhateverTheOrderOfTheHubsAndTheCaseOfItsId() {
        forEachCase(SEED, 1000, random -> {
            String id = registrationId(random);
            List<CandidateHub> hubs = hubs(random, 1, 12);
            String first = assignedHub(engine.allocate(request(id, AllocationPolicy.HASHED, hubs)));
            List<CandidateHub> shuffled = new ArrayList<>(hubs);
            Collections.shuffle(shuffled, random);

            assertThat(assignedHub(engine.allocate(request(id, AllocationPolicy.HASHED, hubs)))).as("again: %s among %s", id, hubs).isEqualTo(first);
            assertThat(assignedHub(engine.allocate(request(id, AllocationPolicy.HASHED, shuffled)))).as("shuffled: %s among %s", id, shuffled)
                    .isEqualTo(first);
            assertThat(assignedHub(engine.allocate(request(id.toUpperCase(Locale.ROOT), AllocationPolicy.HASHED, hubs))))
                    .as("upper case: %s among %s", id, hubs).isEqualTo(first);
        });
    }

    @Test
    void addingAHubMovesOnlyTheDevicesThatGoToTheNewHub() {
        int[] moved = {0};
        forEachCase(SEED + 1, 100, random -> {
            List<String> ids = registrationIds(random, 100);
            List<CandidateHub> hubs = hubs(random, 1, 12);
            CandidateHub added = addedHub(random);
            List<CandidateHub> hubsAfter = new ArrayList<>(hubs);
            hubsAfter.add(added);
            for (String id : ids) {
                String before = hashedChoice(id, hubs);
                String after = hashedChoice(id, hubsAfter);
                assertThat(after).as("%s among %s plus %s", id, hubs, added).isIn(before, added.hostName());
                if (!after.equals(before)) {
                    moved[0]++;
                }
            }
        });
        assertThat(moved[0]).as("devices that moved to an added hub, seed %d", SEED + 1).isPositive();
    }

    @Test
    void removingAHubMovesOnlyTheDevicesThatWereOnIt() {
        int[] onRemoved = {0};
        forEachCase(SEED + 2, 100, random -> {
            List<String> ids = registrationIds(random, 100);
            List<CandidateHub> hubs = hubs(random, 2, 12);
            CandidateHub removed = hubs.get(random.nextInt(hubs.size()));
            List<CandidateHub> remaining = hubs.stream().filter(hub -> hub != removed).toList();
            for (String id : ids) {
                String before = hashedChoice(id, hubs);
                if (before.equals(removed.hostName())) {
                    onRemoved[0]++;
                } else {
                    assertThat(hashedChoice(id, remaining)).as("%s among %s without %s", id, hubs, removed).isEqualTo(before);
                }
            }
        });
        assertThat(onRemoved[0]).as("devices on a removed hub, seed %d", SEED + 2).isPositive();
    }

    private static double share(Map<String, Long> counts, String hub, int total) {
        return counts.getOrDefault(hub, 0L) / (double) total;
    }
}
