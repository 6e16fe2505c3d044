package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.localdps.allocation.TestAllocations.assignedHub;
import static io.localdps.allocation.TestAllocations.engine;
import static io.localdps.allocation.TestAllocations.hashedChoice;
import static io.localdps.allocation.TestAllocations.request;
import static io.localdps.allocation.TestHubs.hub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Properties of the {@code hashed} policy that behaviour.md §5.2 promises, over random devices and hubs. */
class AllocationHashedPropertiesTest {

    private static final String ONE = "one.azure-devices.net";
    private static final String TWO = "two.azure-devices.net";
    private static final String THREE = "three.azure-devices.net";

    private final AllocationEngine engine = engine();

    @Property(tries = 3, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void devicesSpreadOverHubsInProportionToTheirWeights(@ForAll("tenThousandRegistrationIds") List<String> ids) throws Exception {
        List<CandidateHub> hubs = List.of(hub(ONE, 1), hub(TWO, 2), hub(THREE, 3));
        List<String> assigned = new ArrayList<>();
        for (String id : ids) {
            assigned.add(assignedHub(engine.allocate(request(id, AllocationPolicy.HASHED, hubs))));
        }
        Map<String, Long> counts = assigned.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // One standard deviation is under 0.5 percentage points here; 2 points is far outside chance.
        assertThat(share(counts, ONE, ids.size())).isCloseTo(1 / 6.0, within(0.02));
        assertThat(share(counts, TWO, ids.size())).isCloseTo(2 / 6.0, within(0.02));
        assertThat(share(counts, THREE, ids.size())).isCloseTo(3 / 6.0, within(0.02));
    }

    @Property
    void aDeviceAlwaysGetsTheSameHubWhateverTheOrderOfTheHubsAndTheCaseOfItsId(
            @ForAll("registrationIds") String id, @ForAll("hubSets") List<CandidateHub> hubs, @ForAll Random random) throws Exception {
        String first = assignedHub(engine.allocate(request(id, AllocationPolicy.HASHED, hubs)));
        List<CandidateHub> shuffled = new ArrayList<>(hubs);
        Collections.shuffle(shuffled, random);

        assertThat(assignedHub(engine.allocate(request(id, AllocationPolicy.HASHED, hubs)))).isEqualTo(first);
        assertThat(assignedHub(engine.allocate(request(id, AllocationPolicy.HASHED, shuffled)))).isEqualTo(first);
        assertThat(assignedHub(engine.allocate(request(id.toUpperCase(Locale.ROOT), AllocationPolicy.HASHED, hubs)))).isEqualTo(first);
    }

    @Property(tries = 100)
    void addingAHubMovesOnlyTheDevicesThatGoToTheNewHub(@ForAll @Size(100) @UniqueElements List<@From("registrationIds") String> ids,
                                                       @ForAll("hubSets") List<CandidateHub> hubs,
                                                       @ForAll("addedHubs") CandidateHub added) {
        List<CandidateHub> hubsAfter = new ArrayList<>(hubs);
        hubsAfter.add(added);
        for (String id : ids) {
            String before = hashedChoice(id, hubs);
            String after = hashedChoice(id, hubsAfter);
            assertThat(after).as(id).isIn(before, added.hostName());
        }
    }

    @Property(tries = 100)
    void removingAHubMovesOnlyTheDevicesThatWereOnIt(@ForAll @Size(100) @UniqueElements List<@From("registrationIds") String> ids,
                                                    @ForAll("twoOrMoreHubs") List<CandidateHub> hubs,
                                                    @ForAll Random random) {
        CandidateHub removed = hubs.get(random.nextInt(hubs.size()));
        List<CandidateHub> remaining = hubs.stream().filter(hub -> hub != removed).toList();
        for (String id : ids) {
            String before = hashedChoice(id, hubs);
            if (!before.equals(removed.hostName())) {
                assertThat(hashedChoice(id, remaining)).as(id).isEqualTo(before);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> tenThousandRegistrationIds() {
        return registrationIds().list().ofSize(10_000).uniqueElements();
    }

    /** Letters, digits and {@code - . _ :} as behaviour.md §11 allows, up to 128 characters. */
    @Provide
    static Arbitrary<String> registrationIds() {
        return Arbitraries.strings().alpha().numeric().withChars("-._:").ofMinLength(1).ofMaxLength(128);
    }

    @Provide
    static Arbitrary<String> hostNames() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMinLength(1).ofMaxLength(30)
                .map(label -> "h" + label + ".azure-devices.net");
    }

    @Provide
    static Arbitrary<CandidateHub> hubs() {
        return Combinators.combine(hostNames(), Arbitraries.integers().between(1, 1000))
                .as((host, weight) -> new CandidateHub(host, weight, true, null));
    }

    /** Hubs whose names differ from every hub of {@link #hubSets()}. */
    @Provide
    static Arbitrary<CandidateHub> addedHubs() {
        return hubs().map(hub -> new CandidateHub("added-" + hub.hostName(), hub.allocationWeight(), true, null));
    }

    @Provide
    static Arbitrary<List<CandidateHub>> hubSets() {
        return hubs().list().ofMinSize(1).ofMaxSize(12).uniqueElements(CandidateHub::hostName);
    }

    @Provide
    static Arbitrary<List<CandidateHub>> twoOrMoreHubs() {
        return hubs().list().ofMinSize(2).ofMaxSize(12).uniqueElements(CandidateHub::hostName);
    }

    private static double share(Map<String, Long> counts, String hub, int total) {
        return counts.getOrDefault(hub, 0L) / (double) total;
    }
}
