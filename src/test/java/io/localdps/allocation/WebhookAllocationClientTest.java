package io.localdps.allocation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.localdps.allocation.FakeWebhook.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static io.localdps.allocation.FakeWebhook.Reply.ok;
import static io.localdps.allocation.FakeWebhook.Reply.status;
import static io.localdps.allocation.TestWebhookRequests.TOASTERS;
import static io.localdps.allocation.TestWebhookRequests.forGroup;
import static io.localdps.allocation.TestWebhookRequests.forIndividual;
import static io.localdps.allocation.TestWebhookRequests.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook call of service-api.md §8.2 and §8.4: request, statuses, retries and timeouts, against a real HTTP server. */
class WebhookAllocationClientTest extends WebhookTestBase {

    WebhookAllocationClientTest() throws IOException {
    }

    @Test
    void theWebhookReceivesTheGroupTheRuntimeContextAndTheLinkedHubsAtTheUrlAsStored() throws Exception {
        webhook.answers(ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\"}"));
        String url = functionUrl();

        client.allocate(forGroup(url), LINKED_HUBS);

        FakeWebhook.Received request = webhook.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo(FUNCTION_PATH);
        assertThat(request.rawQuery()).isEqualTo(FUNCTION_QUERY);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.json()).isEqualTo(object("""
                {"enrollmentGroup": {"enrollmentGroupId": "line3-devices", "attestation": {"type": "symmetricKey"},
                   "capabilities": {"iotEdge": false}, "provisioningStatus": "enabled", "allocationPolicy": "custom",
                   "iotHubs": ["toasters-hub.azure-devices.net", "heatpumps-hub.azure-devices.net"],
                   "customAllocationDefinition": {"webhookUrl": "%s", "apiVersion": "2021-10-01"}},
                 "deviceRuntimeContext": {"registrationId": "breakroom499-toaster-007",
                   "currentIotHubHostName": "toasters-hub.azure-devices.net", "currentDeviceId": "breakroom499-toaster-007",
                   "symmetricKey": {}, "payload": {"model": "T-1000"}},
                 "linkedHubs": ["toasters-hub.azure-devices.net", "heatpumps-hub.azure-devices.net"]}""".formatted(url)));
    }

    @Test
    void anIndividualEnrollmentIsSentAsIndividualEnrollment() throws Exception {
        webhook.answers(ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\"}"));

        client.allocate(forIndividual(functionUrl()), LINKED_HUBS);

        assertThat(webhook.lastRequest().json().propertyNames()).containsExactly("individualEnrollment", "deviceRuntimeContext", "linkedHubs");
        assertThat(webhook.lastRequest().json().at("/individualEnrollment/registrationId").asString()).isEqualTo("breakroom499-toaster-007");
    }

    @Test
    void aSlowAnswerTimesOutAndTheRetryGetsTheHub() throws Exception {
        useClient(Duration.ofSeconds(1), DataSize.ofKilobytes(96));
        webhook.answers(Reply.hangUntilNextCall(), ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\"}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Assigned(TOASTERS, null, null));
        assertThat(webhook.calls()).isEqualTo(2);
    }

    @Test
    void twoServerErrorsAreRetriedUntilTheWebhookAnswers() throws Exception {
        webhook.answers(status(500, "oops"), status(503, ""), ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\"}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Assigned(TOASTERS, null, null));
        assertThat(webhook.calls()).isEqualTo(3);
    }

    @Test
    void throttlingIsRetried() throws Exception {
        webhook.answers(status(429, ""), ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\"}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Assigned(TOASTERS, null, null));
        assertThat(webhook.calls()).isEqualTo(2);
    }

    @Test
    void afterTheLastRetryTheAllocationFailsWithTheLastStatus() throws Exception {
        webhook.answers(status(500, ""), status(502, ""), status(504, ""), status(503, ""));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207,
                "Custom allocation failed with status code: 503 (the webhook was called 4 times)."));
        assertThat(webhook.calls()).isEqualTo(1 + MAX_RETRIES);
    }

    @Test
    void unauthorizedFailsWith400209WithoutRetrying() throws Exception {
        webhook.answers(status(401, ""));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400209,
                "Custom allocation failed: the webhook refused DPS with status code 401 (unauthorized)."));
        assertThat(webhook.calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 409, 428, 201, 204, 302})
    void otherStatusesFailWith400207WithoutRetrying(int status) throws Exception {
        webhook.answers(status(status, "{\"iotHubHostName\": \"toasters-hub.azure-devices.net\"}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207, "Custom allocation failed with status code: " + status));
        assertThat(webhook.calls()).isEqualTo(1);
    }

    @Test
    void anUnreachableWebhookIsRetriedThenFailsWith400207() throws Exception {
        String refusing = refusingUrl();

        AllocationDecision decision = client.allocate(forGroup(refusing), LINKED_HUBS);

        assertThat(decision).isEqualTo(new AllocationDecision.Failed(400207, "Custom allocation failed: the webhook could not "
                + "be reached; it was called 4 times and the last call could not connect."));
    }

    @Test
    void anAnswerLargerThanTheLimitFailsWith400207WithoutRetrying() throws Exception {
        useClient(Duration.ofSeconds(10), DataSize.ofKilobytes(1));
        webhook.answers(ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\", \"payload\": {\"blob\": \"" + "x".repeat(2000) + "\"}}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207,
                "Custom allocation failed: the webhook's answer is larger than 1 KB."));
        assertThat(webhook.calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://alloc.example.local/api", "not a url", "/api/allocate", "https:///api"})
    void aUrlThatCannotBePostedToFailsWith400207(String url) throws Exception {
        assertThat(client.allocate(forGroup(url), LINKED_HUBS)).isEqualTo(new AllocationDecision.Failed(400207,
                "Custom allocation failed: the enrollment's webhook URL is not a valid http or https URL."));
    }

    @Test
    void theUrlIsLoggedWithoutItsQueryOrUserInfo() {
        assertThat(WebhookAllocationClient.withoutQuery(URI.create("https://user:pw@alloc.example.local:8443/api/allocate?code=s3cr3t")))
                .isEqualTo("https://alloc.example.local:8443/api/allocate");
    }

    @Test
    void logsNameTheWebhookWithoutItsFunctionKey() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(WebhookAllocationClient.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            webhook.answers(status(500, ""), status(400, ""));

            allocate();
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(level);
        }

        assertThat(logs.list).hasSizeGreaterThanOrEqualTo(2).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("http://127.0.0.1:")
                .contains(FUNCTION_PATH)
                .doesNotContain("s3cr3t")
                .doesNotContain("code="));
    }

    /** A local port nothing listens on any more. */
    private static String refusingUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + FUNCTION_PATH + "?" + FUNCTION_QUERY;
        }
    }
}
