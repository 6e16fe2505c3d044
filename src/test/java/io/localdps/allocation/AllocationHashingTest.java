package io.localdps.allocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.localdps.allocation.TestAllocations.hashedChoice;
import static io.localdps.allocation.TestHubs.hub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code hashed} formula of behaviour.md §5.2 against values computed independently with Python's
 * hashlib and math.log: {@code -w / log((int.from_bytes(sha256((id.lower()+"|"+hub.lower()).encode())
 * .digest()[:8], "big") + 0.5) / 2**64)}.
 */
class AllocationHashingTest {

    private static final List<CandidateHub> ONE_TWO_THREE = List.of(
            hub("hub-a.azure-devices.net", 1), hub("hub-b.azure-devices.net", 2), hub("hub-c.azure-devices.net", 3));

    @ParameterizedTest
    @CsvSource({
            "sensor-0042, hub-a.azure-devices.net, 1, 1.1211722900532681",
            "sensor-0042, hub-b.azure-devices.net, 2, 1.4051883673198178",
            "sensor-0042, hub-c.azure-devices.net, 3, 5.31989713333361",
            "Breakroom499-Toaster-007, hub-c.azure-devices.net, 3, 91.54717257528083",
            "device-2, hub-a.azure-devices.net, 1, 46.20619359903343",
            "device-2, hub-b.azure-devices.net, 2, 0.691442114031624",
            "x, hub-b.azure-devices.net, 2, 30.35703254882548"})
    void scoresMatchTheFormulaComputedIndependently(String registrationId, String hub, int weight, double expected) {
        assertThat(WeightedRendezvousHashing.score(registrationId, hub, weight)).isCloseTo(expected, within(expected * 1e-14));
    }

    @ParameterizedTest
    @CsvSource({
            "sensor-0042, hub-c.azure-devices.net",
            "Breakroom499-Toaster-007, hub-c.azure-devices.net",
            "device-1, hub-c.azure-devices.net",
            "device-2, hub-a.azure-devices.net",
            "device-3, hub-b.azure-devices.net",
            "x, hub-b.azure-devices.net"})
    void theHubWithTheHighestScoreWins(String registrationId, String expectedHub) {
        assertThat(hashedChoice(registrationId, ONE_TWO_THREE)).isEqualTo(expectedHub);
    }

    @Test
    void theRegistrationIdAndTheHostNameAreHashedLowerCase() {
        assertThat(WeightedRendezvousHashing.score("SENSOR-0042", "HUB-C.Azure-Devices.NET", 3))
                .isEqualTo(WeightedRendezvousHashing.score("sensor-0042", "hub-c.azure-devices.net", 3));
    }

    @Test
    void theHashIsTheFirstEightBytesOfSha256AsAnUnsignedNumber() {
        // 0x91a84660836587e3 has its top bit set, so a signed reading would give a very different u.
        double expected = (0x91a84660836587e3L >>> 1) * 2.0 / 0x1p64;
        assertThat(WeightedRendezvousHashing.uniform("sensor-0042", "hub-c.azure-devices.net")).isCloseTo(expected, within(1e-15));
    }

    @Test
    void thereIsNoChoiceAmongNoHubs() {
        assertThat(WeightedRendezvousHashing.choose("sensor-0042", List.of())).isEmpty();
    }
}
