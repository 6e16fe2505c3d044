package io.localdps.mqtt;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the DPS session on a connection the IP filter rejected: the first CONNECT gets
 * CONNACK "not authorized" (3.1.1: 5, MQTT 5: 0x87), exactly what wrong credentials get, so the
 * client learns nothing about the rules; anything else, or silence, just ends the connection.
 */
final class RefusedMqttSession extends ChannelInboundHandlerAdapter {

    private final Duration connectTimeout;
    private boolean answered;
    private ScheduledFuture<?> timeout;

    RefusedMqttSession(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timeout = ctx.executor().schedule(() -> ctx.close(), connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A client that hangs up early must not leave its timeout queued on the event loop until it fires. */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimeout();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimeout();
        ctx.fireChannelInactive();
    }

    /** Whether the connect timeout is still pending (for tests). */
    boolean timeoutPending() {
        return timeout != null && !timeout.isDone();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (answered) {
                return;
            }
            answered = true;
            if (msg instanceof MqttConnectMessage connect && connect.decoderResult().isSuccess()) {
                MqttVersion version = MqttVersion.fromProtocolNameAndLevel(connect.variableHeader().name(),
                        (byte) connect.variableHeader().version());
                ctx.writeAndFlush(MqttPackets.connAckRefused(version == MqttVersion.MQTT_5 ? version : MqttVersion.MQTT_3_1_1,
                        ConnectRefusal.NOT_AUTHORIZED)).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof MqttFrameSizeGuard.TooLarge) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
