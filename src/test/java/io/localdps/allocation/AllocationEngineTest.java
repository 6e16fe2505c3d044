package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.localdps.allocation.FakeWebhook.Reply.ok;
import static io.localdps.allocation.TestAllocations.engine;
import static io.localdps.allocation.TestAllocations.hashedChoice;
import static io.localdps.allocation.TestAllocations.request;
import static io.localdps.allocation.TestHubs.hub;
import static io.localdps.allocation.TestHubs.optedOut;
import static io.localdps.allocation.TestWebhookRequests.forGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The policy dispatch and candidate filtering of behaviour.md §5.1, §5.4 and §5.5. */
class AllocationEngineTest {

    private static final String WEST = "west.azure-devices.net";
    private static final String EAST = "east.azure-devices.net";
    private static final String RESERVED = "reserved.azure-devices.net";

    private final AllocationEngine engine = engine();

    @ParameterizedTest
    @EnumSource(value = AllocationPolicy.class, names = {"HASHED", "GEO_LATENCY", "STATIC"})
    void withoutCandidatesNoHubIsAvailable(AllocationPolicy policy) throws Exception {
        assertThat(engine.allocate(request("sensor-1", policy, List.of()))).isEqualTo(new AllocationDecision.Failed(400301,
                "No IoT hub is available for allocation: there are no linked hubs."));
    }

    @ParameterizedTest
    @EnumSource(value = AllocationPolicy.class, names = {"HASHED", "GEO_LATENCY"})
    void whenEveryCandidateOptedOutNoHubIsAvailable(AllocationPolicy policy) throws Exception {
        assertThat(engine.allocate(request("sensor-1", policy, List.of(optedOut(WEST), optedOut(EAST)))))
                .isEqualTo(new AllocationDecision.Failed(400301,
                        "No IoT hub is available for allocation: all 2 candidate hubs have applyAllocationPolicy set to false."));
    }

    @Test
    void hashedAllocationAssignsTheRendezvousWinnerWithoutTwinOrPayload() throws Exception {
        List<CandidateHub> hubs = List.of(hub(WEST, 5), hub(EAST, 7));
        for (String device : List.of("sensor-1", "sensor-2", "sensor-3", "sensor-4", "sensor-5")) {
            assertThat(engine.allocate(request(device, AllocationPolicy.HASHED, hubs)))
                    .isEqualTo(new AllocationDecision.Assigned(hashedChoice(device, hubs), null, null));
        }
    }

    @Test
    void staticAllocationAssignsTheEnrollmentsOneHub() throws Exception {
        assertThat(engine.allocate(request("sensor-1", AllocationPolicy.STATIC, List.of(optedOut(RESERVED)))))
                .isEqualTo(new AllocationDecision.Assigned(RESERVED, null, null));
    }

    @Test
    void staticAllocationWithSeveralCandidatesFails() throws Exception {
        assertThat(engine.allocate(request("sensor-1", AllocationPolicy.STATIC, List.of(hub(WEST), hub(EAST)))))
                .isEqualTo(new AllocationDecision.Failed(400302,
                        "Static allocation needs exactly one IoT hub on the enrollment, but 2 hubs are candidates."));
    }

    @Test
    void customAllocationOffersEveryCandidateIncludingOptedOutOnesOnce() throws Exception {
        try (FakeWebhook webhook = FakeWebhook.start().answers(ok("{\"iotHubHostName\": \"reserved.azure-devices.net\"}"))) {
            List<CandidateHub> candidates = List.of(hub(WEST), optedOut(RESERVED), hub(EAST), hub("WEST.azure-devices.net"));

            AllocationDecision decision = engine.allocate(AllocationRequest.custom("sensor-1", candidates, forGroup(webhook.url("/alloc"))));

            assertThat(decision).isEqualTo(new AllocationDecision.Assigned(RESERVED, null, null));
            assertThat(webhook.lastRequest().json().get("linkedHubs").valueStream().map(node -> node.asString()))
                    .containsExactly(WEST, RESERVED, EAST);
        }
    }

    @Test
    void customAllocationWithoutCandidatesFailsWithoutCallingTheWebhook() throws Exception {
        try (FakeWebhook webhook = FakeWebhook.start().answers(ok("{\"iotHubHostName\": \"west.azure-devices.net\"}"))) {
            AllocationDecision decision = engine.allocate(AllocationRequest.custom("sensor-1", List.of(), forGroup(webhook.url("/alloc"))));

            assertThat(decision).isEqualTo(new AllocationDecision.Failed(400301,
                    "No IoT hub is available for allocation: there are no linked hubs to offer the custom allocation webhook."));
            assertThat(webhook.calls()).isZero();
        }
    }

    @Test
    void aCustomRequestNeedsTheWebhook() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AllocationRequest("sensor-1", AllocationPolicy.CUSTOM, List.of(hub(WEST)), null, null))
                .withMessage("Custom allocation needs the webhook definition and request parts");
    }

    @Test
    void aHubWithoutWeightIsABug() {
        assertThatIllegalArgumentException().isThrownBy(() -> hub(WEST, 0))
                .withMessage("Allocation weight of west.azure-devices.net must be at least 1, not 0");
    }
}
