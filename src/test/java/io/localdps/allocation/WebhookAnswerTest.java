package io.localdps.allocation;

import io.localdps.enrollment.InitialTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static io.localdps.allocation.FakeWebhook.Reply.ok;
import static io.localdps.allocation.TestWebhookRequests.HEATPUMPS;
import static io.localdps.allocation.TestWebhookRequests.TOASTERS;
import static io.localdps.allocation.TestWebhookRequests.object;
import static org.assertj.core.api.Assertions.assertThat;

/** How a 200 answer of the webhook becomes a decision (service-api.md §8.3–8.4), through a real HTTP exchange. */
class WebhookAnswerTest extends WebhookTestBase {

    WebhookAnswerTest() throws IOException {
    }

    @Test
    void aGoodAnswerAssignsTheChosenHubWithTheWebhooksTwinAndPayload() throws Exception {
        webhook.answers(ok("""
                {"iotHubHostName": "heatpumps-hub.azure-devices.net",
                 "initialTwin": {"tags": {"deviceType": "heatpump"}, "properties": {"desired": {"state": "ready"}}},
                 "payload": {"welcome": "hello heat pump"}}"""));

        AllocationDecision decision = allocate();

        assertThat(decision).isEqualTo(new AllocationDecision.Assigned(HEATPUMPS,
                new InitialTwin(object("{\"deviceType\": \"heatpump\"}"), object("{\"state\": \"ready\"}")),
                object("{\"welcome\": \"hello heat pump\"}")));
        assertThat(webhook.calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"iotHubHostName\": ", "<html>Bad gateway</html>"})
    void anAnswerThatIsNotJsonFailsWith400207(String body) throws Exception {
        webhook.answers(ok(body));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207,
                "Custom allocation failed: the webhook's answer is not valid JSON."));
    }

    @Test
    void anEmptyAnswerFailsWith400207() throws Exception {
        webhook.answers(ok(""));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207, "Custom allocation failed: the webhook answered with an empty body."));
    }

    @Test
    void anAnswerThatIsNotAnObjectFailsWith400207() throws Exception {
        webhook.answers(ok("[\"toasters-hub.azure-devices.net\"]"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207,
                "Custom allocation failed: the webhook's answer must be a JSON object with iotHubHostName, not an array."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"iotHubHostName\": null}", "{\"iotHubHostName\": \"\"}", "{\"iotHubHostName\": \"  \"}",
            "{\"IotHubHostName\": \"toasters-hub.azure-devices.net\"}"})
    void anAnswerWithoutAHubFailsWith400208(String body) throws Exception {
        webhook.answers(ok(body));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400208,
                "Custom allocation failed: the webhook did not specify an IoT hub (iotHubHostName is missing or empty)."));
    }

    @Test
    void aHubNameThatIsNotAStringFailsWith400207() throws Exception {
        webhook.answers(ok("{\"iotHubHostName\": 42}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207,
                "Custom allocation failed: the webhook's iotHubHostName must be a string, not a number."));
    }

    @Test
    void aHubThatWasNotOfferedFailsWith400207() throws Exception {
        webhook.answers(ok("{\"iotHubHostName\": \"other-hub.azure-devices.net\"}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207, "Custom allocation failed: the webhook chose IoT hub "
                + "\"other-hub.azure-devices.net\", which is not one of the linked hubs offered to it "
                + "(toasters-hub.azure-devices.net, heatpumps-hub.azure-devices.net)."));
    }

    @Test
    void theChosenHubIsMatchedWhateverItsCase() throws Exception {
        webhook.answers(ok("{\"iotHubHostName\": \"HeatPumps-Hub.Azure-Devices.net\"}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Assigned(HEATPUMPS, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"{\\\"welcome\\\": 1}\"", "[1, 2]", "42", "true"})
    void aPayloadThatIsNotAnObjectFailsWith400207(String payload) throws Exception {
        webhook.answers(ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\", \"payload\": " + payload + "}"));

        AllocationDecision decision = allocate();

        assertThat(decision).isInstanceOf(AllocationDecision.Failed.class);
        assertThat((AllocationDecision.Failed) decision).extracting(AllocationDecision.Failed::errorCode, AllocationDecision.Failed::errorMessage)
                .satisfiesExactly(code -> assertThat(code).isEqualTo(400207),
                        message -> assertThat((String) message).startsWith("Custom allocation failed: the webhook's payload must be a JSON object, not "));
    }

    @Test
    void unknownFieldsAndANullPayloadAndTwinAreIgnored() throws Exception {
        webhook.answers(ok("""
                {"iotHubHostName": "toasters-hub.azure-devices.net", "payload": null, "initialTwin": null,
                 "deviceId": "ignored", "extra": {"nested": [1, 2]}}"""));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Assigned(TOASTERS, null, null));
    }

    @Test
    void twinVersionAndMetadataFromSdkTypesAreDropped() throws Exception {
        webhook.answers(ok("""
                {"iotHubHostName": "toasters-hub.azure-devices.net",
                 "initialTwin": {"tags": {"site": "a", "$version": 1, "$metadata": {}},
                                 "properties": {"desired": {"state": "ready", "$version": 1}, "reported": {"x": 1}}}}"""));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Assigned(TOASTERS,
                new InitialTwin(object("{\"site\": \"a\"}"), object("{\"state\": \"ready\"}")), null));
    }

    @Test
    void aTwinWithOnlyTagsLeavesTheDesiredPropertiesEmpty() throws Exception {
        webhook.answers(ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\", \"initialTwin\": {\"tags\": {\"site\": \"a\"}}}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Assigned(TOASTERS, new InitialTwin(object("{\"site\": \"a\"}"), null), null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"twin\"                                | it must be a JSON object, not a string.",
            "{\"tags\": [1]}                         | Tags must be a JSON object, not an array.",
            "{\"properties\": 1}                     | properties must be a JSON object, not a number.",
            "{\"properties\": {\"desired\": \"on\"}}   | Desired properties must be a JSON object, not a string.",
            "{\"tags\": {\"$owner\": \"me\"}}          | The key \"$owner\" in tags starts with $, which is reserved."})
    void aTwinIoTHubWouldRefuseFailsWith400207(String twin, String problem) throws Exception {
        webhook.answers(ok("{\"iotHubHostName\": \"toasters-hub.azure-devices.net\", \"initialTwin\": " + twin + "}"));

        assertThat(allocate()).isEqualTo(new AllocationDecision.Failed(400207,
                "Custom allocation failed: the webhook's initialTwin is unusable: " + problem));
    }
}
