package io.localdps.mqtt;

import io.localdps.registration.DeviceCredentials;
import io.localdps.registration.DeviceRequest;
import io.localdps.registration.DeviceResponse;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.localdps.mqtt.EmbeddedSession.payload;
import static io.localdps.mqtt.TestPackets.*;
import static org.assertj.core.api.Assertions.assertThat;

/** SUBSCRIBE, register and poll of device-api.md §5.2–5.4 and client-compat.md MQTT-3 to MQTT-5. */
class MqttRequestTest {

    private static final String REGISTER_BODY = "{\"registrationId\":\"" + REGISTRATION_ID + "\"}";

    @ParameterizedTest(name = "requested {0}")
    @EnumSource(value = MqttQoS.class, names = {"AT_MOST_ONCE", "AT_LEAST_ONCE", "EXACTLY_ONCE"})
    void grantsTheResponseFilterAtTheRequestedQosButAtMost1AndEchoesThePacketId(MqttQoS requested) {
        EmbeddedSession session = EmbeddedSession.start().connected(MqttVersion.MQTT_3_1_1);

        session.send(subscribe(42, DpsTopics.RESPONSE_FILTER, requested));

        MqttSubAckMessage subAck = session.next();
        assertThat(subAck.variableHeader().messageId()).isEqualTo(42);
        assertThat(subAck.payload().reasonCodes()).containsExactly(Math.min(requested.value(), 1));
    }

    @ParameterizedTest(name = "MQTT {0}")
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void refusesEveryOtherFilterWith0x80BecauseDpsIsNotABroker(MqttVersion version) {
        EmbeddedSession session = EmbeddedSession.start().connected(version);

        session.send(subscribe(7, "devices/" + REGISTRATION_ID + "/messages/devicebound/#", MqttQoS.AT_LEAST_ONCE));

        MqttSubAckMessage subAck = session.next();
        assertThat(subAck.payload().reasonCodes()).containsExactly(0x80);
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void answersUnsubscribeWithUnsubackAndSendsNoFurtherResponses() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(io.netty.handler.codec.mqtt.MqttMessageBuilders.unsubscribe().messageId(9).addTopicFilter(DpsTopics.RESPONSE_FILTER).build());
        MqttMessage unsubAck = session.next();
        session.send(register("1", REGISTER_BODY));
        session.runRequests();

        assertThat(unsubAck.fixedHeader().messageType()).isEqualTo(MqttMessageType.UNSUBACK);
        assertThat(((MqttMessageIdVariableHeader) unsubAck.variableHeader()).messageId()).isEqualTo(9);
        assertThat(session.sent()).isEmpty();
        assertThat(session.registrations.calls()).as("a request nobody can hear the answer to is not made").isEmpty();
    }

    @ParameterizedTest(name = "MQTT {0}")
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void passesARegisterPublishToDeviceRegistrationsWithTheDevicesIdentityTokenAndBody(MqttVersion version) {
        EmbeddedSession session = EmbeddedSession.start().subscribed(version);

        session.send(register("1", REGISTER_BODY));
        session.runRequests();

        RecordingRegistrations.Call call = session.registrations.onlyCall();
        assertThat(call.method()).isEqualTo("register");
        DeviceRequest request = call.request();
        assertThat(request.idScope()).isEqualTo(ID_SCOPE);
        assertThat(request.registrationId()).isEqualTo(REGISTRATION_ID);
        assertThat(request.apiVersion()).isEqualTo(API_VERSION);
        assertThat(request.credentials()).isEqualTo(new DeviceCredentials.SasToken(SAS_TOKEN));
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(REGISTER_BODY);
        assertThat(request.transport()).isEqualTo(DeviceRequest.Transport.MQTT);
    }

    @Test
    void publishesTheRegisterResponseOnTheExactResponseTopicWithRetryAfter() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.runRequests();

        MqttPublishMessage response = session.next();
        assertThat(response.variableHeader().topicName()).isEqualTo("$dps/registrations/res/202/?$rid=1&retry-after=1");
        assertThat(response.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_LEAST_ONCE);
        assertThat(response.fixedHeader().isRetain()).isFalse();
        assertThat(payload(response)).isEqualTo("{\"operationId\":\"5.1.sensor-0042\",\"status\":\"assigning\"}");
    }

    @Test
    void passesAnEmptyRegisterPayloadAsAnEmptyBodyAsTheCSharpClientSendsIt() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", ""));
        session.runRequests();

        assertThat(session.registrations.onlyCall().request().body()).isEmpty();
    }

    @Test
    void passesThePollsDecodedOperationIdAndPublishesTheTerminalAnswerWithoutRetryAfter() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(poll("2", "5.1.sensor%2D0042"));
        session.runRequests();

        RecordingRegistrations.Call call = session.registrations.onlyCall();
        assertThat(call.method()).isEqualTo("operationStatus");
        assertThat(call.operationId()).isEqualTo("5.1.sensor-0042");
        assertThat(call.request().credentials()).isEqualTo(new DeviceCredentials.SasToken(SAS_TOKEN));
        MqttPublishMessage response = session.next();
        assertThat(response.variableHeader().topicName()).isEqualTo("$dps/registrations/res/200/?$rid=2");
        assertThat(payload(response)).isEqualTo(RecordingRegistrations.assignedBody("5.1.sensor-0042", REGISTRATION_ID));
    }

    @Test
    void echoesAUuidRidVerbatim() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_5);
        String rid = "0f8fad5b-d9cb-469f-a165-70867728950e";

        session.send(publish(REGISTER_TOPIC + rid, MqttQoS.AT_LEAST_ONCE, 11, REGISTER_BODY));
        session.runRequests();

        session.<MqttMessage>next(); // PUBACK
        assertThat(session.<MqttPublishMessage>next().variableHeader().topicName())
                .isEqualTo("$dps/registrations/res/202/?$rid=" + rid + "&retry-after=1");
    }

    @Test
    void acknowledgesAQos1RequestBeforeItsResponseAsTheCSharpClientRequires() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(publish(REGISTER_TOPIC + "1", MqttQoS.AT_LEAST_ONCE, 77, REGISTER_BODY));
        session.runRequests();

        MqttMessage first = session.next();
        assertThat(first.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK);
        assertThat(((MqttMessageIdVariableHeader) first.variableHeader()).messageId()).isEqualTo(77);
        assertThat(session.<MqttMessage>next().fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBLISH);
    }

    @Test
    void doesNotAcknowledgeAQos0Request() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.runRequests();

        assertThat(session.sent()).extracting(packet -> packet.fixedHeader().messageType()).containsExactly(MqttMessageType.PUBLISH);
    }

    @Test
    void sendsResponsesAtQos0ToADeviceThatSubscribedAtQos0() {
        EmbeddedSession session = EmbeddedSession.start().connected(MqttVersion.MQTT_3_1_1);
        session.send(subscribe(1, DpsTopics.RESPONSE_FILTER, MqttQoS.AT_MOST_ONCE));
        session.next();

        session.send(register("1", REGISTER_BODY));
        session.runRequests();

        assertThat(session.<MqttPublishMessage>next().fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_MOST_ONCE);
    }

    @Test
    void numbersQos1ResponsesWithFreshPacketIds() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.runRequests();
        session.send(poll("2", "5.1.sensor-0042"));
        session.runRequests();

        assertThat(session.sent()).map(packet -> ((MqttPublishMessage) packet).variableHeader().packetId()).containsExactly(1, 2);
    }

    @Test
    void writesNonAsciiCharactersOfTheResponseAsJsonEscapesForTheNodeClient() {
        RecordingRegistrations registrations = new RecordingRegistrations()
                .answeringRegister(request -> new DeviceResponse(404, "{\"message\":\"Gerät – nicht gefunden \uD83D\uDE00\"}", null, Map.of()));
        EmbeddedSession session = EmbeddedSession.builder().registrations(registrations).build().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.runRequests();

        MqttPublishMessage response = session.next();
        assertThat(response.variableHeader().topicName()).isEqualTo("$dps/registrations/res/404/?$rid=1");
        assertThat(payload(response)).isEqualTo("{\"message\":\"Ger\\u00e4t \\u2013 nicht gefunden \\ud83d\\ude00\"}");
    }

    @Test
    void answersRequestsOneAtATimeAndInTheOrderTheyCame() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.send(poll("2", "op"));
        assertThat(session.executor.waiting()).as("the poll waits for the register's answer").isEqualTo(1);
        session.runRequests();

        assertThat(session.registrations.calls()).extracting(RecordingRegistrations.Call::method).containsExactly("register", "operationStatus");
        assertThat(session.sent()).map(packet -> ((MqttPublishMessage) packet).variableHeader().topicName())
                .containsExactly("$dps/registrations/res/202/?$rid=1&retry-after=1", "$dps/registrations/res/200/?$rid=2");
    }

    @Test
    void answers500WithAnErrorBodyWhenDeviceRegistrationsFails() {
        RecordingRegistrations registrations = new RecordingRegistrations()
                .answeringRegister(request -> {
                    throw new IllegalStateException("database down");
                });
        EmbeddedSession session = EmbeddedSession.builder().registrations(registrations).build().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.runRequests();

        MqttPublishMessage response = session.next();
        assertThat(response.variableHeader().topicName()).isEqualTo("$dps/registrations/res/500/?$rid=1");
        assertThat(payload(response)).contains("\"errorCode\":500000").doesNotContain("database down");
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void answers503WithRetryAfterWhenTheRequestExecutorIsFull() {
        ManualExecutor executor = new ManualExecutor(1);
        EmbeddedSession session = EmbeddedSession.builder().executor(executor).build().subscribed(MqttVersion.MQTT_3_1_1);
        executor.execute(() -> { });

        session.send(register("1", REGISTER_BODY));
        session.channel.runPendingTasks();

        MqttPublishMessage response = session.next();
        assertThat(response.variableHeader().topicName()).isEqualTo("$dps/registrations/res/503/?$rid=1&retry-after=5");
        assertThat(payload(response)).contains("\"errorCode\":503000");
    }
}
