package io.localdps.mqtt;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link MqttDeviceSession} in an EmbeddedChannel, without TLS or codec: the test writes
 * decoded packets in and reads the packets the server would send. Blocking work waits in a
 * {@link ManualExecutor} until {@link #runRequests()}; the embedded event loop's clock stands still
 * unless the test moves it.
 */
final class EmbeddedSession {

    final EmbeddedChannel channel;
    final ManualExecutor executor;
    final RecordingRegistrations registrations;

    private EmbeddedSession(Builder builder) {
        this.executor = builder.manualExecutor;
        this.registrations = builder.registrations;
        Executor requestExecutor = builder.executor != null ? builder.executor : builder.manualExecutor;
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast("dps-session", new MqttDeviceSession(builder.settings, builder.registrations,
                builder.connectCheck, requestExecutor, builder.peerCertificates));
    }

    static Builder builder() {
        return new Builder();
    }

    /** The defaults: no reply delay, every CONNECT accepted, a DPS-like fake, no client certificate. */
    static EmbeddedSession start() {
        return builder().build();
    }

    void send(Object packet) {
        channel.writeInbound(packet);
    }

    /** Lets the waiting blocking work and the event loop tasks it posts run, until neither has anything left. */
    void runRequests() {
        do {
            executor.runAll();
            channel.runPendingTasks();
        } while (executor.waiting() > 0);
    }

    void advanceTime(Duration duration) {
        channel.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    /** CONNECT as the SDKs send it, answered with CONNACK accepted; the connect check is run. */
    EmbeddedSession connected(MqttVersion version) {
        send(TestPackets.connect(version).build());
        runRequests();
        MqttConnAckMessage connAck = next();
        assertThat(connAck.variableHeader().connectReturnCode()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        return this;
    }

    /** Connected and subscribed to the response filter at QoS 1, SUBACK consumed. */
    EmbeddedSession subscribed(MqttVersion version) {
        connected(version);
        send(TestPackets.subscribeToResponses());
        assertThat(this.<MqttMessage>next().fixedHeader().messageType()).isEqualTo(MqttMessageType.SUBACK);
        return this;
    }

    /** The next packet the server sent; fails when there is none. */
    <T extends MqttMessage> T next() {
        Object packet = channel.readOutbound();
        assertThat(packet).as("a packet from the server").isInstanceOf(MqttMessage.class);
        @SuppressWarnings("unchecked")
        T message = (T) packet;
        return message;
    }

    /** Everything the server sent that was not read yet. */
    List<MqttMessage> sent() {
        List<MqttMessage> packets = new ArrayList<>();
        Object packet;
        while ((packet = channel.readOutbound()) != null) {
            packets.add((MqttMessage) packet);
        }
        return packets;
    }

    boolean isOpen() {
        channel.runPendingTasks();
        return channel.isOpen();
    }

    static String payload(MqttPublishMessage publish) {
        try {
            return publish.payload().toString(StandardCharsets.UTF_8);
        } finally {
            ReferenceCountUtil.release(publish);
        }
    }

    static final class Builder {
        private MqttSettings settings = MqttSettings.defaults().withReplyDelay(Duration.ZERO);
        private RecordingRegistrations registrations = new RecordingRegistrations();
        private MqttConnectCheck connectCheck = MqttConnectCheck.acceptAll();
        private ManualExecutor manualExecutor = new ManualExecutor();
        private Executor executor;
        private PeerCertificates peerCertificates = PeerCertificates.none();

        Builder settings(MqttSettings settings) {
            this.settings = settings;
            return this;
        }

        Builder registrations(RecordingRegistrations registrations) {
            this.registrations = registrations;
            return this;
        }

        Builder connectCheck(MqttConnectCheck connectCheck) {
            this.connectCheck = connectCheck;
            return this;
        }

        Builder executor(ManualExecutor executor) {
            this.manualExecutor = executor;
            return this;
        }

        /**
         * The executor the session hands blocking work to, instead of the manual one; {@link #runRequests()}
         * still runs only the manual one.
         */
        Builder realExecutor(Executor executor) {
            this.executor = executor;
            return this;
        }

        Builder clientCertificates(List<X509Certificate> chain) {
            this.peerCertificates = channel -> chain;
            return this;
        }

        EmbeddedSession build() {
            return new EmbeddedSession(this);
        }
    }
}
