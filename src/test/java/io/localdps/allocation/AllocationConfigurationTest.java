package io.localdps.allocation;

import io.localdps.enrollment.AllocationPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static io.localdps.allocation.TestHubs.inRegion;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code dps.allocation.*} and {@code dps.webhook.*} as Spring binds them, and the retry schedule they give. */
class AllocationConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(AllocationBeans.class);

    @Test
    void theWebhookDefaultsAreAzures() {
        context.run(beans -> assertThat(beans.getBean(WebhookProperties.class)).isEqualTo(new WebhookProperties(
                Duration.ofSeconds(30), 10, Duration.ofSeconds(1), Duration.ofSeconds(9), DataSize.ofKilobytes(96))));
    }

    @Test
    void azuresRetriesComeAfter1Then10Then19SecondsAndSoOn() {
        WebhookProperties defaults = WebhookProperties.defaults();

        assertThat(IntStream.rangeClosed(1, defaults.maxRetries()).mapToObj(defaults::delayBeforeRetry).map(Duration::toSeconds))
                .containsExactly(1L, 10L, 19L, 28L, 37L, 46L, 55L, 64L, 73L, 82L);
    }

    @Test
    void webhookSettingsBind() {
        context.withPropertyValues("dps.webhook.timeout=250ms", "dps.webhook.max-retries=2", "dps.webhook.first-retry-delay=5ms",
                        "dps.webhook.retry-increment=7ms", "dps.webhook.max-response-size=4KB")
                .run(beans -> assertThat(beans.getBean(WebhookProperties.class)).isEqualTo(new WebhookProperties(
                        Duration.ofMillis(250), 2, Duration.ofMillis(5), Duration.ofMillis(7), DataSize.ofKilobytes(4))));
    }

    @Test
    void clientRegionsBindAsACommaSeparatedListAndSteerGeoLatency() {
        context.withPropertyValues("dps.allocation.client-regions=10.1.0.0/16=westeurope,fd00:1::/32=eastus")
                .run(beans -> {
                    AllocationEngine engine = beans.getBean(AllocationEngine.class);
                    List<CandidateHub> hubs = List.of(inRegion("west.azure-devices.net", "westeurope"), inRegion("east.azure-devices.net", "eastus"));

                    assertThat(TestAllocations.assignedHub(engine.allocate(
                            TestAllocations.request("sensor-1", AllocationPolicy.GEO_LATENCY, hubs, "10.1.0.9")))).isEqualTo("west.azure-devices.net");
                    assertThat(TestAllocations.assignedHub(engine.allocate(
                            TestAllocations.request("sensor-1", AllocationPolicy.GEO_LATENCY, hubs, "fd00:1::9")))).isEqualTo("east.azure-devices.net");
                });
    }

    @Test
    void aMalformedClientRegionStopsTheStart() {
        context.withPropertyValues("dps.allocation.client-regions=10.1.0.0/16=westeurope,10.2.0.0/40=eastus")
                .run(beans -> assertThat(beans.getStartupFailure()).hasStackTraceContaining(
                        "dps.allocation.client-regions entry \"10.2.0.0/40=eastus\": The prefix length in \"10.2.0.0/40\" must be a number from 0 to 32"));
    }

    @Test
    void aNegativeRetryCountStopsTheStart() {
        context.withPropertyValues("dps.webhook.max-retries=-1")
                .run(beans -> assertThat(beans).hasFailed().getFailure().rootCause()
                        .hasMessage("dps.webhook.max-retries must not be negative, not -1"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AllocationProperties.class, WebhookProperties.class})
    @Import({AllocationEngine.class, WebhookAllocationClient.class})
    static class AllocationBeans {
    }
}
