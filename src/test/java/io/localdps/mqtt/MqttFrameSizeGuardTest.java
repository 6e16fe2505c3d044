package io.localdps.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MqttFrameSizeGuardTest {

    private static final int LIMIT = 200;

    /** Records what passes the guard. */
    private static final class Downstream extends ChannelInboundHandlerAdapter {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Object> events = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            byte[] copy = new byte[buf.readableBytes()];
            buf.readBytes(copy);
            bytes.writeBytes(copy);
            buf.release();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
        }
    }

    private final Downstream downstream = new Downstream();
    private final EmbeddedChannel channel = new EmbeddedChannel(new MqttFrameSizeGuard(LIMIT), downstream);

    /** A packet of type PUBLISH whose remaining length is {@code length}, encoded as MQTT does. */
    private static byte[] packet(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        int remaining = length;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        out.writeBytes(new byte[length]);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void passesPacketsUpToTheLimitUnchangedHoweverTheyAreSplit() {
        byte[] stream = concat(packet(0), packet(LIMIT), packet(127), packet(128));

        for (int i = 0; i < stream.length; i += 7) {
            channel.writeInbound(Unpooled.wrappedBuffer(stream, i, Math.min(7, stream.length - i)));
        }

        assertThat(downstream.bytes.toByteArray()).isEqualTo(stream);
        assertThat(downstream.events).isEmpty();
    }

    @Test
    void reportsAHeaderThatAnnouncesMoreThanTheLimitBeforeTheBodyArrives() {
        byte[] header = {0x30, (byte) 0xC9, 0x01}; // remaining length 201

        channel.writeInbound(Unpooled.wrappedBuffer(header));

        assertThat(downstream.events).containsExactly(new MqttFrameSizeGuard.TooLarge(LIMIT + 1, LIMIT));
        assertThat(downstream.bytes.size()).isZero();
    }

    @Test
    void findsTheOversizePacketBehindAnAcceptablePacketAndASplitLengthField() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(packet(10), new byte[]{0x30, (byte) 0xFF})));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{0x7F}));

        assertThat(downstream.events).containsExactly(new MqttFrameSizeGuard.TooLarge(16383, LIMIT));
    }

    @Test
    void passesNothingMoreOnceItReportedAnOversizePacket() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{0x30, (byte) 0xC9, 0x01}));
        channel.writeInbound(Unpooled.wrappedBuffer(packet(1)));

        assertThat(downstream.events).hasSize(1);
        assertThat(downstream.bytes.size()).isZero();
    }

    @Test
    void treatsALengthFieldOfMoreThanFourBytesAsTooLarge() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{0x30, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}));

        assertThat(downstream.events).containsExactly(new MqttFrameSizeGuard.TooLarge(-1, LIMIT));
    }
}
