package io.localdps.mqtt;

import io.localdps.mqtt.DpsTopics.OperationStatus;
import io.localdps.mqtt.DpsTopics.Register;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MqttDpsTopicsTest {

    @Test
    void readsTheRegisterTopicWithAnIntegerRid() {
        assertThat(DpsTopics.parseRequest("$dps/registrations/PUT/iotdps-register/?$rid=1")).contains(new Register("1"));
    }

    @Test
    void keepsAPercentEncodedUuidRidExactlyAsSentBecauseItIsEchoedVerbatim() {
        assertThat(DpsTopics.parseRequest("$dps/registrations/PUT/iotdps-register/?$rid=3f0c%2D9a"))
                .contains(new Register("3f0c%2D9a"));
    }

    @Test
    void readsThePollTopicWithItsOperationId() {
        assertThat(DpsTopics.parseRequest("$dps/registrations/GET/iotdps-get-operationstatus/?$rid=2&operationId=5.316aac5bdc130deb.b1e02da8"))
                .contains(new OperationStatus("2", "5.316aac5bdc130deb.b1e02da8"));
    }

    @Test
    void decodesThePercentEncodedOperationIdThatPythonSends() {
        assertThat(DpsTopics.parseRequest("$dps/registrations/GET/iotdps-get-operationstatus/?$rid=a&operationId=5.31%2Eb1"))
                .contains(new OperationStatus("a", "5.31.b1"));
    }

    @Test
    void readsParametersInAnyOrderAndIgnoresUnknownOnes() {
        assertThat(DpsTopics.parseRequest("$dps/registrations/GET/iotdps-get-operationstatus/?operationId=op&x=1&$rid=7"))
                .contains(new OperationStatus("7", "op"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "$dps/registrations/PUT/iotdps-register/",
            "$dps/registrations/PUT/iotdps-register/?",
            "$dps/registrations/PUT/iotdps-register/?$rid=",
            "$dps/registrations/PUT/iotdps-register/?rid=1",
            "$dps/registrations/put/iotdps-register/?$rid=1",
            "$dps/registrations/GET/iotdps-register/?$rid=1",
            "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=1",
            "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=1&operationId=",
            "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=1&operationId=%zz",
            "$dps/registrations/res/202/?$rid=1",
            "devices/dev1/messages/events/",
    })
    void refusesEverythingElse(String topic) {
        assertThat(DpsTopics.parseRequest(topic)).isEmpty();
    }

    @Test
    void refusesARidLongerThan128Characters() {
        assertThat(DpsTopics.parseRequest(DpsTopics.REGISTER_PREFIX + "$rid=" + "1".repeat(129))).isEmpty();
        assertThat(DpsTopics.parseRequest(DpsTopics.REGISTER_PREFIX + "$rid=" + "1".repeat(128))).isPresent();
    }

    @Test
    void writesTheResponseTopicWithRidFirstAndRetryAfterAfterIt() {
        assertThat(DpsTopics.responseTopic(202, "1", 3)).isEqualTo("$dps/registrations/res/202/?$rid=1&retry-after=3");
    }

    @Test
    void writesTheResponseTopicWithoutRetryAfterWhenThereIsNone() {
        assertThat(DpsTopics.responseTopic(200, "3f0c-9a", null)).isEqualTo("$dps/registrations/res/200/?$rid=3f0c-9a");
    }
}
