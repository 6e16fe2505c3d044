package io.localdps.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import io.netty.handler.codec.mqtt.MqttVersion;

import java.util.List;

import static io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_ACCEPTED;

/** The packets the server sends, in the shape each protocol version needs. */
final class MqttPackets {

    /** SUBACK return code for a filter this server does not serve (3.1.1 "failure", 5 "unspecified error"). */
    static final int SUBSCRIPTION_REFUSED = 0x80;

    private MqttPackets() {
    }

    /**
     * Session-present is always 0: no session state is kept and the C# client fails otherwise. MQTT 5
     * clients are told the limits up front: QoS 1 at most, no retain, the packet size, and no
     * subscription identifiers (so Paho routes responses by topic).
     */
    static MqttConnAckMessage connAckAccepted(MqttVersion version, int maxMessageBytes) {
        MqttMessageBuilders.ConnAckBuilder connAck = MqttMessageBuilders.connAck()
                .returnCode(CONNECTION_ACCEPTED)
                .sessionPresent(false);
        if (version == MqttVersion.MQTT_5) {
            connAck.properties(properties -> properties
                    .maximumQos((byte) 1)
                    .retainAvailable(false)
                    .maximumPacketSize(maxMessageBytes)
                    .subscriptionIdentifiersAvailable(false)
                    .sharedSubscriptionAvailable(false));
        }
        return connAck.build();
    }

    static MqttConnAckMessage connAckRefused(MqttVersion version, ConnectRefusal refusal) {
        return MqttMessageBuilders.connAck().returnCode(refusal.returnCode(version)).sessionPresent(false).build();
    }

    /** @param returnCodes granted QoS or {@link #SUBSCRIPTION_REFUSED}, one per requested filter */
    static MqttSubAckMessage subAck(int packetId, List<Integer> returnCodes) {
        return new MqttSubAckMessage(
                new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                new MqttSubAckPayload(returnCodes));
    }

    /** MQTT 3.1.1 UNSUBACK has no payload; MQTT 5 has one reason code per filter. */
    static MqttUnsubAckMessage unsubAck(MqttVersion version, int packetId, List<Short> reasonCodes) {
        MqttUnsubAckPayload payload = version == MqttVersion.MQTT_5 ? new MqttUnsubAckPayload(reasonCodes) : null;
        return new MqttUnsubAckMessage(
                new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                payload);
    }

    static MqttMessage pubAck(int packetId) {
        return MqttMessageBuilders.pubAck().packetId(packetId).reasonCode((byte) 0).build();
    }

    /** @param packetId ignored for QoS 0 */
    static MqttPublishMessage publish(String topic, byte[] payload, MqttQoS qos, int packetId) {
        return MqttMessageBuilders.publish()
                .topicName(topic)
                .qos(qos)
                .retained(false)
                .messageId(qos == MqttQoS.AT_MOST_ONCE ? 0 : packetId)
                .payload(Unpooled.wrappedBuffer(payload))
                .build();
    }

    /** Only MQTT 5 has a server DISCONNECT; a 3.1.1 connection is simply closed. */
    static MqttMessage disconnect(MqttReasonCodes.Disconnect reason) {
        return MqttMessageBuilders.disconnect().reasonCode(reason.byteValue()).build();
    }

    static MqttMessage pingResp() {
        return MqttMessage.PINGRESP;
    }
}
