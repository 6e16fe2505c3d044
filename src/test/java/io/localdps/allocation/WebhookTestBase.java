package io.localdps.allocation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static io.localdps.allocation.TestWebhookRequests.HEATPUMPS;
import static io.localdps.allocation.TestWebhookRequests.TOASTERS;
import static io.localdps.allocation.TestWebhookRequests.forGroup;

/**
 * A real {@link WebhookAllocationClient} against a {@link FakeWebhook} on 127.0.0.1, retrying
 * {@value #MAX_RETRIES} times with millisecond pauses.
 */
abstract class WebhookTestBase {

    static final String FUNCTION_PATH = "/api/allocate";
    static final String FUNCTION_QUERY = "code=s3cr3t%2Bkey&clientId=default";
    static final List<String> LINKED_HUBS = List.of(TOASTERS, HEATPUMPS);
    static final int MAX_RETRIES = 3;

    final FakeWebhook webhook = FakeWebhook.start();
    WebhookAllocationClient client;

    WebhookTestBase() throws IOException {
    }

    @BeforeEach
    void startClient() {
        useClient(Duration.ofSeconds(10), DataSize.ofKilobytes(96));
    }

    @AfterEach
    void stop() {
        client.close();
        webhook.close();
    }

    /** Replaces the client; the generous default timeout never fires in tests that do not mean it to. */
    void useClient(Duration timeout, DataSize maxResponseSize) {
        if (client != null) {
            client.close();
        }
        client = new WebhookAllocationClient(new WebhookProperties(timeout, MAX_RETRIES, Duration.ofMillis(1), Duration.ofMillis(2),
                maxResponseSize));
    }

    AllocationDecision allocate() throws InterruptedException {
        return client.allocate(forGroup(functionUrl()), LINKED_HUBS);
    }

    String functionUrl() {
        return webhook.url(FUNCTION_PATH + "?" + FUNCTION_QUERY);
    }
}
