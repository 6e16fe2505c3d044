package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static io.localdps.allocation.TestAllocations.assignedHub;
import static io.localdps.allocation.TestAllocations.engine;
import static io.localdps.allocation.TestAllocations.hashedChoice;
import static io.localdps.allocation.TestHubs.hub;
import static io.localdps.allocation.TestHubs.inRegion;
import static io.localdps.allocation.TestHubs.optedOutInRegion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code geoLatency} with a client-CIDR → region map (behaviour.md §5.3). */
class AllocationGeoLatencyTest {

    private static final String WEST_1 = "west-1.azure-devices.net";
    private static final String WEST_2 = "west-2.azure-devices.net";
    private static final String EAST = "east.azure-devices.net";
    private static final String JAPAN = "japan.azure-devices.net";
    private static final String NOWHERE = "nowhere.azure-devices.net";

    private static final List<CandidateHub> HUBS = List.of(
            inRegion(WEST_1, "westeurope"), inRegion(WEST_2, "westeurope"), inRegion(EAST, "eastus"),
            inRegion(JAPAN, "japaneast"), hub(NOWHERE));

    private static final List<String> DEVICES = IntStream.range(0, 60).mapToObj(i -> "device-" + i).toList();

    private final AllocationEngine engine = engine(
            "10.0.0.0/8=eastus", "10.1.0.0/16=westeurope", "2001:db8:7::/48=japaneast", "2001:db8::/32=eastus");

    @Test
    void devicesFromAMappedIpv4RangeAreSpreadOverTheHubsOfTheirRegion() throws Exception {
        assertThat(hubsChosenFor("10.1.7.9", HUBS)).containsExactly(WEST_1, WEST_2);
    }

    @Test
    void devicesFromAMappedIpv6RangeGoToTheHubOfTheirRegion() throws Exception {
        assertThat(hubsChosenFor("2001:db8:7::42", HUBS)).containsExactly(JAPAN);
    }

    @ParameterizedTest
    @CsvSource({"10.1.255.255, west", "10.2.0.1, east", "10.0.0.1, east", "2001:db8:7:ffff::1, japan", "2001:db8:8::1, east"})
    void theMostSpecificRangeDecidesTheRegion(String clientAddress, String expectedHubPrefix) throws Exception {
        assertThat(hubsChosenFor(clientAddress, HUBS)).allMatch(hub -> hub.startsWith(expectedHubPrefix));
    }

    @Test
    void regionsMatchTheHubLocationWhateverItsCaseAndSpacing() throws Exception {
        List<CandidateHub> hubs = List.of(inRegion(WEST_1, "West Europe"), inRegion(EAST, "EastUS"));

        assertThat(hubsChosenFor("10.1.0.1", hubs)).containsExactly(WEST_1);
        assertThat(hubsChosenFor("10.9.0.1", hubs)).containsExactly(EAST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.8", "11.1.0.1", "2001:db9::1", "::1"})
    void aDeviceOutsideEveryRangeIsHashedOverAllCandidates(String clientAddress) throws Exception {
        for (String device : DEVICES) {
            String chosen = assignedHub(engine.allocate(TestAllocations.request(device, AllocationPolicy.GEO_LATENCY, HUBS, clientAddress)));
            assertThat(chosen).as(device).isEqualTo(hashedChoice(device, HUBS));
        }
    }

    @Test
    void aDeviceWithoutAKnownAddressIsHashedOverAllCandidates() throws Exception {
        for (String device : DEVICES) {
            String chosen = assignedHub(engine.allocate(TestAllocations.request(device, AllocationPolicy.GEO_LATENCY, HUBS)));
            assertThat(chosen).as(device).isEqualTo(hashedChoice(device, HUBS));
        }
    }

    @Test
    void withoutARegionMapGeoLatencyIsHashed() throws Exception {
        AllocationEngine withoutMap = engine();
        for (String device : DEVICES) {
            String chosen = assignedHub(withoutMap.allocate(TestAllocations.request(device, AllocationPolicy.GEO_LATENCY, HUBS, "10.1.0.1")));
            assertThat(chosen).as(device).isEqualTo(hashedChoice(device, HUBS));
        }
    }

    @Test
    void aRegionWithoutHubsFallsBackToAllCandidates() throws Exception {
        List<CandidateHub> noWestHubs = List.of(inRegion(EAST, "eastus"), inRegion(JAPAN, "japaneast"), hub(NOWHERE));

        assertThat(hubsChosenFor("10.1.0.1", noWestHubs)).containsExactlyInAnyOrder(EAST, JAPAN, NOWHERE);
    }

    @Test
    void hubsOfTheRegionThatOptedOutAreNotChosenAndTheRestStillAre() throws Exception {
        List<CandidateHub> hubs = List.of(optedOutInRegion(WEST_1, "westeurope"), inRegion(WEST_2, "westeurope"), inRegion(EAST, "eastus"));

        assertThat(hubsChosenFor("10.1.0.1", hubs)).containsExactly(WEST_2);
    }

    @Test
    void whenAllHubsOfTheRegionOptedOutTheDeviceGoesToAnotherRegion() throws Exception {
        List<CandidateHub> hubs = List.of(optedOutInRegion(WEST_1, "westeurope"), inRegion(EAST, "eastus"));

        assertThat(hubsChosenFor("10.1.0.1", hubs)).containsExactly(EAST);
    }

    @Test
    void hostBitsAfterThePrefixAreIgnored() throws Exception {
        AllocationEngine sloppy = engine("10.1.2.3/16=westeurope");

        assertThat(hubsChosenFor(sloppy, "10.1.200.1", HUBS)).containsExactly(WEST_1, WEST_2);
    }

    @Test
    void aBareAddressIsASingleHost() throws Exception {
        AllocationEngine singleHost = engine("10.1.2.3=japaneast");

        assertThat(hubsChosenFor(singleHost, "10.1.2.3", HUBS)).containsExactly(JAPAN);
        assertThat(hubsChosenFor(singleHost, "10.1.2.4", HUBS)).hasSizeGreaterThan(1);
    }

    @Test
    void anIpv4AddressIsNotInAnIpv6Range() {
        ClientRegions regions = ClientRegions.parse(List.of("::/0=eastus"));

        assertThat(regions.regionOf(TestAllocations.address("10.1.0.1"))).isEmpty();
        assertThat(regions.regionOf(TestAllocations.address("2001:db8::1"))).hasValue("eastus");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.1.0.0/33=westeurope | dps.allocation.client-regions entry \"10.1.0.0/33=westeurope\": The prefix length in \"10.1.0.0/33\" must be a number from 0 to 32",
            "fd00::/129=westeurope | The prefix length in \"fd00::/129\" must be a number from 0 to 128",
            "10.1.0.0/x=westeurope | The prefix length in \"10.1.0.0/x\" must be a number from 0 to 32",
            "10.1.0/16=westeurope | \"10.1.0\" is not an IPv4 or IPv6 address",
            "10.1.0.256/16=westeurope | \"10.1.0.256\" is not an IPv4 or IPv6 address",
            "example.com/16=westeurope | \"example.com\" is not an IPv4 or IPv6 address",
            "10.1.0.0/16 | entry \"10.1.0.0/16\" must look like 10.1.0.0/16=westeurope",
            "10.1.0.0/16= | entry \"10.1.0.0/16=\" names no region"})
    void aMalformedEntryIsRefusedWithItsProblem(String entry, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> engine(entry)).withMessageContaining(message);
    }

    @Test
    void aRangeListedForTwoRegionsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> engine("10.1.0.0/16=westeurope", "10.1.9.9/16=eastus"))
                .withMessage("dps.allocation.client-regions lists 10.1.0.0/16 for both westeurope and eastus");
    }

    private Set<String> hubsChosenFor(String clientAddress, List<CandidateHub> hubs) throws Exception {
        return hubsChosenFor(engine, clientAddress, hubs);
    }

    /** The hubs {@link #DEVICES} from one address end up on, sorted. */
    private static Set<String> hubsChosenFor(AllocationEngine engine, String clientAddress, List<CandidateHub> hubs) throws Exception {
        Set<String> chosen = new TreeSet<>();
        for (String device : DEVICES) {
            chosen.add(assignedHub(engine.allocate(TestAllocations.request(device, AllocationPolicy.GEO_LATENCY, hubs, clientAddress))));
        }
        return chosen;
    }
}
