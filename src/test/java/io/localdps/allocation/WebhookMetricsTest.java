package io.localdps.allocation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.localdps.allocation.FakeWebhook.Reply.ok;
import static io.localdps.allocation.FakeWebhook.Reply.status;
import static io.localdps.allocation.TestWebhookRequests.forGroup;
import static org.assertj.core.api.Assertions.assertThat;

/** What the webhook's meters show for decisions the real client made against a real HTTP server. */
class WebhookMetricsTest extends WebhookTestBase {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    WebhookMetricsTest() throws IOException {
    }

    @BeforeEach
    void meteredClient() {
        client.close();
        client = new WebhookAllocationClient(new WebhookProperties(Duration.ofSeconds(10), MAX_RETRIES, Duration.ofMillis(1),
                Duration.ofMillis(2), org.springframework.util.unit.DataSize.ofKilobytes(96)), new WebhookMetrics(registry));
    }

    @Test
    void aHubChosenAfterARetryIsOneTimedDecisionAndNoFailure() throws Exception {
        webhook.answers(status(503, ""), ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\"}"));

        allocate();

        assertThat(registry.get(WebhookMetrics.DURATION).tag("outcome", "assigned").timer().count()).isEqualTo(1);
        assertThat(registry.get(WebhookMetrics.DURATION).tag("outcome", "assigned").timer().totalTime(TimeUnit.NANOSECONDS))
                .isPositive();
        assertThat(registry.get(WebhookMetrics.FAILURES).counters()).allSatisfy(failures -> assertThat(failures.count()).isZero());
    }

    @Test
    void failuresAreCountedByWhyNoHubCameOut() throws Exception {
        webhook.answers(status(500, ""), status(500, ""), status(500, ""), status(500, ""), ok("{\"payload\": {}}"));

        allocate(); // four 500s: every retry used up
        allocate(); // 200 without a hub
        client.allocate(forGroup("ftp://webhook.example/allocate"), LINKED_HUBS);

        assertThat(failures("error-status")).isEqualTo(1);
        assertThat(failures("invalid-answer")).isEqualTo(1);
        assertThat(failures("invalid-url")).isEqualTo(1);
        assertThat(failures("unreachable")).isZero();
        assertThat(registry.get(WebhookMetrics.DURATION).tag("outcome", "failed").timer().count()).isEqualTo(3);
    }

    private double failures(String reason) {
        return registry.get(WebhookMetrics.FAILURES).tag("reason", reason).counter().count();
    }
}
