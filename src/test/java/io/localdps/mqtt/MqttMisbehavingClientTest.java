package io.localdps.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.localdps.mqtt.TestPackets.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What a client that is not a DPS device does: each ends its own connection (device-api.md §5.3). */
class MqttMisbehavingClientTest {

    private static final String REGISTER_BODY = "{\"registrationId\":\"" + REGISTRATION_ID + "\"}";

    @Test
    void closesAConnectionThatPublishesBeforeConnect() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(register("1", REGISTER_BODY));

        assertThat(session.isOpen()).isFalse();
        assertThat(session.sent()).isEmpty();
        assertThat(session.registrations.calls()).isEmpty();
    }

    @Test
    void closesAConnectionThatSubscribesBeforeConnect() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(subscribeToResponses());

        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void closesAConnectionThatConnectsTwice() {
        EmbeddedSession session = EmbeddedSession.start().connected(MqttVersion.MQTT_3_1_1);

        session.send(connect(MqttVersion.MQTT_3_1_1).build());

        assertThat(session.isOpen()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$dps/registrations/PUT/iotdps-register/",
            "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=2",
            "devices/sensor-0042/messages/events/",
    })
    void closesAConnectionThatPublishesToAnUnknownOrMalformedTopicWithoutCallingDps(String topic) {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(publish(topic, MqttQoS.AT_LEAST_ONCE, 5, REGISTER_BODY));
        session.runRequests();

        assertThat(session.isOpen()).isFalse();
        assertThat(session.sent()).as("not even a PUBACK").isEmpty();
        assertThat(session.registrations.calls()).isEmpty();
    }

    @Test
    void tellsAnMqtt5ClientWhyBeforeClosing() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_5);

        session.send(publish("devices/sensor-0042/messages/events/", MqttQoS.AT_MOST_ONCE, 0, ""));

        MqttMessage disconnect = session.next();
        assertThat(disconnect.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
        assertThat(((MqttReasonCodeAndPropertiesVariableHeader) disconnect.variableHeader()).reasonCode())
                .isEqualTo(MqttReasonCodes.Disconnect.TOPIC_NAME_INVALID.byteValue());
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void closesAConnectionThatPublishesAtQos2() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(publish(REGISTER_TOPIC + "1", MqttQoS.EXACTLY_ONCE, 3, REGISTER_BODY));

        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void closesTheConnectionWhenTheDeviceDisconnects() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(MqttMessage.DISCONNECT);

        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void dropsTheAnswerToARequestWhoseConnectionClosedMeanwhile() {
        EmbeddedSession session = EmbeddedSession.start().subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.channel.close();
        session.runRequests();

        assertThat(session.registrations.calls()).hasSize(1);
        assertThat(session.sent()).isEmpty();
    }

    /** Through the real decoder: a PUBLISH header announcing more than 96 KB ends the connection before its body arrives. */
    @Test
    void closesAConnectionThatAnnouncesAPacketLargerThanTheLimit() {
        ManualExecutor executor = new ManualExecutor();
        MqttSettings settings = MqttSettings.defaults().withReplyDelay(Duration.ZERO);
        EmbeddedChannel channel = new EmbeddedChannel(
                new MqttFrameSizeGuard(settings.maxMessageBytes()),
                new MqttDecoder(settings.maxMessageBytes(), 256),
                MqttEncoder.INSTANCE,
                new MqttDeviceSession(settings, new RecordingRegistrations(), MqttConnectCheck.acceptAll(), executor, PeerCertificates.none()));
        channel.writeInbound(encoded(connect(MqttVersion.MQTT_3_1_1).build()));
        executor.runAll();
        channel.runPendingTasks();
        assertThat(connAckCode(channel.readOutbound())).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED.byteValue());

        int tooLarge = 96 * 1024 + 1;
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{0x30, (byte) (0x80 | tooLarge % 128), (byte) (0x80 | tooLarge / 128 % 128),
                (byte) (tooLarge / 16384)}));

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closesAConnectionThatSendsBytesThatAreNotMqtt() {
        ManualExecutor executor = new ManualExecutor();
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(), MqttEncoder.INSTANCE,
                new MqttDeviceSession(MqttSettings.defaults(), new RecordingRegistrations(), MqttConnectCheck.acceptAll(), executor,
                        PeerCertificates.none()));

        channel.writeInbound(Unpooled.wrappedBuffer("GET / HTTP/1.1\r\n\r\n".getBytes()));

        assertThat(channel.isOpen()).isFalse();
    }

    private static ByteBuf encoded(MqttMessage message) {
        EmbeddedChannel client = new EmbeddedChannel(MqttEncoder.INSTANCE);
        client.writeOutbound(message);
        return client.readOutbound();
    }

    private static byte connAckCode(ByteBuf connAck) {
        try {
            assertThat(connAck.getByte(0)).isEqualTo((byte) 0x20);
            return connAck.getByte(3);
        } finally {
            connAck.release();
        }
    }
}
