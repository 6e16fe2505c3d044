package io.localdps.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses an MQTT packet as soon as its fixed header announces more than the limit. Netty's
 * {@code MqttDecoder} only checks the size after buffering the whole packet, so without this a
 * client could make the server hold up to 256 MB per connection. It reads the stream without
 * consuming it and passes the bytes on unchanged; on an oversize header it drops everything and
 * fires {@link TooLarge} for the session handler to close the connection.
 */
final class MqttFrameSizeGuard extends ChannelInboundHandlerAdapter {

    /**
     * Fired down the pipeline once; nothing is read from this connection afterwards.
     *
     * @param announcedBytes the remaining length in the header, or -1 for a length field longer than MQTT allows
     */
    record TooLarge(long announcedBytes, int limit) {
    }

    private final int maxRemainingLength;

    /** Bytes of the current packet's body still to pass. */
    private long bodyLeft;
    /** 0 while waiting for a packet's first byte, then the number of length bytes read plus one. */
    private int headerPosition;
    private long length;
    private long multiplier;
    private boolean tripped;

    MqttFrameSizeGuard(int maxRemainingLength) {
        this.maxRemainingLength = maxRemainingLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (tripped || !scan(bytes)) {
            ReferenceCountUtil.release(msg);
            if (!tripped) {
                tripped = true;
                ctx.fireUserEventTriggered(new TooLarge(length, maxRemainingLength));
            }
            return;
        }
        ctx.fireChannelRead(bytes);
    }

    /** False when a packet header in these bytes announces too many bytes. */
    private boolean scan(ByteBuf bytes) {
        int index = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (index < end) {
            if (bodyLeft > 0) {
                int skip = (int) Math.min(bodyLeft, end - index);
                index += skip;
                bodyLeft -= skip;
                continue;
            }
            int b = bytes.getUnsignedByte(index++);
            if (headerPosition == 0) {
                headerPosition = 1;
                length = 0;
                multiplier = 1;
                continue;
            }
            length += (b & 0x7F) * multiplier;
            multiplier *= 128;
            if ((b & 0x80) != 0) {
                // More than four length bytes is malformed; treat it as too large rather than keep counting.
                if (++headerPosition > 4) {
                    length = -1;
                    return false;
                }
                continue;
            }
            headerPosition = 0;
            if (length > maxRemainingLength) {
                return false;
            }
            bodyLeft = length;
        }
        return true;
    }
}
