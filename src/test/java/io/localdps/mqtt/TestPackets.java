package io.localdps.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;

import java.nio.charset.StandardCharsets;

/** Device-side packets as the SDKs send them (client-compat.md §4), with defaults for one device. */
final class TestPackets {

    static final String ID_SCOPE = "0ne00ABC123";
    static final String REGISTRATION_ID = "sensor-0042";
    static final String API_VERSION = "2019-03-31";
    /** The Java SDK's user name, api-version repeated as ClientVersion. */
    static final String USER_NAME = ID_SCOPE + "/registrations/" + REGISTRATION_ID + "/api-version=" + API_VERSION
            + "&ClientVersion=" + API_VERSION;
    static final String SAS_TOKEN = "SharedAccessSignature sr=" + ID_SCOPE + "%2Fregistrations%2F" + REGISTRATION_ID
            + "&sig=c2lnbmF0dXJl%2B%3D&se=1900000000&skn=registration";
    static final String REGISTER_TOPIC = "$dps/registrations/PUT/iotdps-register/?$rid=";
    static final String POLL_TOPIC = "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=";

    private TestPackets() {
    }

    static ConnectBuilder connect(MqttVersion version) {
        return new ConnectBuilder(version);
    }

    static MqttSubscribeMessage subscribe(int packetId, String filter, MqttQoS qos) {
        return MqttMessageBuilders.subscribe().messageId(packetId).addSubscription(qos, filter).build();
    }

    static MqttSubscribeMessage subscribeToResponses() {
        return subscribe(1, DpsTopics.RESPONSE_FILTER, MqttQoS.AT_LEAST_ONCE);
    }

    static MqttPublishMessage publish(String topic, MqttQoS qos, int packetId, String payload) {
        return MqttMessageBuilders.publish().topicName(topic).qos(qos).messageId(packetId).retained(false)
                .payload(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)).build();
    }

    static MqttPublishMessage register(String rid, String body) {
        return publish(REGISTER_TOPIC + rid, MqttQoS.AT_MOST_ONCE, 0, body);
    }

    static MqttPublishMessage poll(String rid, String operationId) {
        return publish(POLL_TOPIC + rid + "&operationId=" + operationId, MqttQoS.AT_MOST_ONCE, 0, "");
    }

    static final class ConnectBuilder {
        private final MqttVersion version;
        private String clientId = REGISTRATION_ID;
        private String userName = USER_NAME;
        private byte[] password = SAS_TOKEN.getBytes(StandardCharsets.UTF_8);
        private boolean cleanSession;
        private int keepAliveSeconds = 230;

        private ConnectBuilder(MqttVersion version) {
            this.version = version;
        }

        ConnectBuilder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        ConnectBuilder userName(String userName) {
            this.userName = userName;
            return this;
        }

        /** X.509 devices send none. */
        ConnectBuilder withoutPassword() {
            this.password = null;
            return this;
        }

        ConnectBuilder cleanSession(boolean cleanSession) {
            this.cleanSession = cleanSession;
            return this;
        }

        ConnectBuilder keepAlive(int seconds) {
            this.keepAliveSeconds = seconds;
            return this;
        }

        MqttConnectMessage build() {
            return MqttMessageBuilders.connect().protocolVersion(version).clientId(clientId).username(userName)
                    .password(password).cleanSession(cleanSession).keepAlive(keepAliveSeconds).build();
        }
    }
}
