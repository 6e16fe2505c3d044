package io.localdps.mqtt;

import io.localdps.registration.DeviceRegistrations;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes.Disconnect;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One device connection (device-api.md §5): CONNECT, SUBSCRIBE to the response filter, then
 * register and poll PUBLISHes. This is not a broker, so any other packet or topic ends the
 * connection with one log line. Blocking work (the connect check, DeviceRegistrations) runs on the
 * request executor; this handler only ever runs on the connection's event loop.
 */
final class MqttDeviceSession extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(MqttDeviceSession.class);
    /** Packets a client may pipeline behind its CONNECT while the connect check runs. */
    private static final int MAX_HELD_DURING_CONNECT = 32;

    private enum State { AWAITING_CONNECT, CHECKING_CONNECT, CONNECTED, CLOSED }

    private final MqttSettings settings;
    private final DeviceRegistrations registrations;
    private final MqttConnectCheck connectCheck;
    private final Executor requestExecutor;
    private final PeerCertificates peerCertificates;
    private final ArrayDeque<Object> heldDuringConnect = new ArrayDeque<>();

    private ChannelHandlerContext ctx;
    private State state = State.AWAITING_CONNECT;
    private MqttVersion version = MqttVersion.MQTT_3_1_1;
    private String device = "?";
    private ScheduledFuture<?> connectDeadline;
    private DeviceRequestQueue requests;
    private ResponseSubscription subscription;
    private int lastPacketId;

    MqttDeviceSession(MqttSettings settings, DeviceRegistrations registrations, MqttConnectCheck connectCheck,
                      Executor requestExecutor, PeerCertificates peerCertificates) {
        this.settings = settings;
        this.registrations = registrations;
        this.connectCheck = connectCheck;
        this.requestExecutor = requestExecutor;
        this.peerCertificates = peerCertificates;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive()) {
            startConnectDeadline();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        startConnectDeadline();
        ctx.fireChannelActive();
    }

    /** Covers the TLS handshake too: a client that never gets as far as CONNECT is dropped. */
    private void startConnectDeadline() {
        if (connectDeadline == null && state == State.AWAITING_CONNECT) {
            connectDeadline = ctx.executor().schedule(() -> close("no CONNECT within " + settings.connectTimeout(), null),
                    settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.CHECKING_CONNECT) {
            heldDuringConnect.add(msg);
            if (heldDuringConnect.size() > MAX_HELD_DURING_CONNECT) {
                close("too many packets before CONNACK", null);
            }
            return;
        }
        try {
            handle(msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(Object msg) {
        if (state == State.CLOSED) {
            return;
        }
        if (!(msg instanceof MqttMessage packet)) {
            close("unexpected " + msg.getClass().getSimpleName(), Disconnect.PROTOCOL_ERROR);
            return;
        }
        if (packet.decoderResult().isFailure()) {
            undecodable(packet.decoderResult().cause());
            return;
        }
        MqttMessageType type = packet.fixedHeader().messageType();
        if (state == State.AWAITING_CONNECT && type != MqttMessageType.CONNECT) {
            close(type + " before CONNECT", null);
            return;
        }
        switch (type) {
            case CONNECT -> connect((MqttConnectMessage) packet);
            case SUBSCRIBE -> ctx.writeAndFlush(subscription.subscribe((MqttSubscribeMessage) packet));
            case UNSUBSCRIBE -> ctx.writeAndFlush(subscription.unsubscribe(version, (MqttUnsubscribeMessage) packet));
            case PUBLISH -> publish((MqttPublishMessage) packet);
            case PUBACK -> { } // the device acknowledging a response; nothing is ever retransmitted
            case PINGREQ -> ctx.writeAndFlush(MqttPackets.pingResp());
            case DISCONNECT -> {
                state = State.CLOSED;
                ctx.close();
            }
            default -> close(type + " is not used by DPS", Disconnect.PROTOCOL_ERROR);
        }
    }

    private void undecodable(Throwable cause) {
        if (cause instanceof MqttUnacceptableProtocolVersionException && state == State.AWAITING_CONNECT) {
            refuse(ConnectRefusal.UNSUPPORTED_PROTOCOL_VERSION, "unsupported protocol version");
        } else {
            close("malformed packet: " + cause.getMessage(), Disconnect.MALFORMED_PACKET);
        }
    }

    private void connect(MqttConnectMessage connect) {
        if (state != State.AWAITING_CONNECT) {
            close("second CONNECT", Disconnect.PROTOCOL_ERROR);
            return;
        }
        device = connect.payload().clientIdentifier();
        var outcome = ConnectValidator.validate(connect, () -> peerCertificates.of(ctx.channel()), remoteAddress());
        version = outcome.version();
        subscription = new ResponseSubscription(device);
        switch (outcome) {
            case ConnectValidator.Refused refused -> refuse(refused.refusal(), refused.reason());
            case ConnectValidator.Accepted accepted -> {
                state = State.CHECKING_CONNECT;
                ConnectCheckCall.start(connectCheck, accepted.identity(), requestExecutor, ctx.executor(),
                        verdict -> connectChecked(accepted, verdict));
            }
        }
    }

    private void connectChecked(ConnectValidator.Accepted connect, MqttConnectCheck.Verdict verdict) {
        if (state != State.CHECKING_CONNECT) {
            return;
        }
        switch (verdict) {
            case NOT_AUTHORIZED -> refuse(ConnectRefusal.NOT_AUTHORIZED, "credentials refused");
            case SERVER_UNAVAILABLE -> refuse(ConnectRefusal.SERVER_UNAVAILABLE, "server busy or unavailable");
            case ACCEPT -> accept(connect);
        }
    }

    private void accept(ConnectValidator.Accepted connect) {
        state = State.CONNECTED;
        connectDeadline.cancel(false);
        requests = new DeviceRequestQueue(connect.identity(), registrations, requestExecutor, ctx.channel().eventLoop(),
                settings.replyDelay(), this::respond);
        ctx.writeAndFlush(MqttPackets.connAckAccepted(version, settings.maxMessageBytes()));
        // MQTT keep-alive: a silent client is dropped after 1.5 × its interval (client-compat.md MQTT-1).
        int keepAlive = connect.keepAliveSeconds();
        long idleMillis = keepAlive > 0 ? keepAlive * 1500L : settings.idleTimeout().toMillis();
        ctx.pipeline().addBefore(ctx.name(), "keep-alive", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));
        Object held;
        while ((held = heldDuringConnect.poll()) != null) {
            try {
                handle(held);
            } finally {
                ReferenceCountUtil.release(held);
            }
        }
    }

    private void publish(MqttPublishMessage publish) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        String topic = publish.variableHeader().topicName();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            close("QoS 2 PUBLISH", Disconnect.QOS_NOT_SUPPORTED);
            return;
        }
        var request = DpsTopics.parseRequest(topic);
        if (request.isEmpty()) {
            close("PUBLISH to unknown or malformed topic '" + abbreviate(topic) + "'", Disconnect.TOPIC_NAME_INVALID);
            return;
        }
        // Before the response, always: the C# client fails if the response overtakes the PUBACK.
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(MqttPackets.pubAck(publish.variableHeader().packetId()));
        }
        if (subscription.qos() == null) {
            log.info("MQTT {}: request on '{}' before SUBSCRIBE to {}, ignored", device, abbreviate(topic), DpsTopics.RESPONSE_FILTER);
            return;
        }
        if (!requests.offer(request.get(), ByteBufUtil.getBytes(publish.payload()))) {
            close("more than " + DeviceRequestQueue.MAX_WAITING + " requests waiting", Disconnect.QUOTA_EXCEEDED);
        }
    }

    private void respond(String topic, byte[] payload) {
        if (state != State.CONNECTED) {
            return;
        }
        MqttQoS qos = subscription.qos();
        if (qos == null) {
            log.info("MQTT {}: unsubscribed before its response to '{}', dropped", device, topic);
            return;
        }
        lastPacketId = lastPacketId % 0xFFFF + 1;
        ctx.writeAndFlush(MqttPackets.publish(topic, payload, qos, lastPacketId));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            close("silent for longer than its keep-alive allows", Disconnect.KEEP_ALIVE_TIMEOUT);
        } else if (event instanceof MqttFrameSizeGuard.TooLarge tooLarge) {
            close(tooLarge.announcedBytes() < 0 ? "malformed packet length" : "packet of " + tooLarge.announcedBytes()
                    + " bytes exceeds the limit of " + tooLarge.limit(), Disconnect.PACKET_TOO_LARGE);
        } else if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            if (handshake.cause() instanceof ClosedChannelException) {
                // The client hung up before TLS was done: port scans and TCP health checks, not worth a log line.
                state = State.CLOSED;
            } else {
                close("TLS handshake failed: " + handshake.cause(), null);
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("MQTT {} {}: {}", device, remoteAddress(), cause.toString());
            state = State.CLOSED;
            ctx.close();
        } else {
            close(cause.toString(), Disconnect.UNSPECIFIED_ERROR);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        if (connectDeadline != null) {
            connectDeadline.cancel(false);
        }
        if (requests != null) {
            requests.close();
        }
        heldDuringConnect.forEach(ReferenceCountUtil::release);
        heldDuringConnect.clear();
        ctx.fireChannelInactive();
    }

    private void refuse(ConnectRefusal refusal, String reason) {
        log.info("MQTT {} {}: CONNECT refused ({}), {}", device, remoteAddress(), refusal.returnCode(version), reason);
        state = State.CLOSED;
        ctx.writeAndFlush(MqttPackets.connAckRefused(version, refusal)).addListener(ChannelFutureListener.CLOSE);
    }

    /** @param v5Reason sent in a DISCONNECT first when the client speaks MQTT 5 and was accepted */
    private void close(String reason, Disconnect v5Reason) {
        if (state == State.CLOSED) {
            return;
        }
        log.info("MQTT {} {}: closing, {}", device, remoteAddress(), reason);
        boolean tellClient = state == State.CONNECTED && version == MqttVersion.MQTT_5 && v5Reason != null;
        state = State.CLOSED;
        if (tellClient) {
            ctx.writeAndFlush(MqttPackets.disconnect(v5Reason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private InetSocketAddress remoteAddress() {
        return ClientAddress.of(ctx.channel());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
