package io.localdps.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A connection's one possible subscription, to {@code $dps/registrations/res/#} (device-api.md
 * §5.2). Any other filter is refused in the SUBACK, since DPS is not a general broker.
 */
final class ResponseSubscription {

    private static final Logger log = LoggerFactory.getLogger(ResponseSubscription.class);
    private static final short UNSUBSCRIBED = 0x00;
    private static final short NO_SUBSCRIPTION_EXISTED = 0x11;

    private final String device;
    private MqttQoS qos;

    ResponseSubscription(String device) {
        this.device = device;
    }

    /** The QoS responses are sent with, or null while the device is not subscribed. */
    MqttQoS qos() {
        return qos;
    }

    MqttSubAckMessage subscribe(MqttSubscribeMessage subscribe) {
        List<Integer> codes = new ArrayList<>();
        for (MqttTopicSubscription subscription : subscribe.payload().topicSubscriptions()) {
            if (DpsTopics.RESPONSE_FILTER.equals(subscription.topicFilter())) {
                // QoS 2 is granted as 1 (device-api.md §5.2).
                qos = subscription.qualityOfService() == MqttQoS.AT_MOST_ONCE ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE;
                codes.add(qos.value());
            } else {
                log.info("MQTT {}: SUBSCRIBE to '{}' refused, DPS serves only {}", device, subscription.topicFilter(),
                        DpsTopics.RESPONSE_FILTER);
                codes.add(MqttPackets.SUBSCRIPTION_REFUSED);
            }
        }
        return MqttPackets.subAck(subscribe.idAndPropertiesVariableHeader().messageId(), codes);
    }

    /** Node unsubscribes before it disconnects. */
    MqttUnsubAckMessage unsubscribe(MqttVersion version, MqttUnsubscribeMessage unsubscribe) {
        List<Short> codes = new ArrayList<>();
        for (String filter : unsubscribe.payload().topics()) {
            boolean subscribed = DpsTopics.RESPONSE_FILTER.equals(filter) && qos != null;
            if (subscribed) {
                qos = null;
            }
            codes.add(subscribed ? UNSUBSCRIBED : NO_SUBSCRIPTION_EXISTED);
        }
        return MqttPackets.unsubAck(version, unsubscribe.idAndPropertiesVariableHeader().messageId(), codes);
    }
}
