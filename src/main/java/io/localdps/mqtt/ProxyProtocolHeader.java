package io.localdps.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Behind a TCP proxy, after Netty's {@code HAProxyMessageDecoder}: takes the client address from
 * the PROXY header (v1 or v2), remembers it for the session ({@link ClientAddress}) and runs the IP
 * filter on it, then leaves the pipeline so TLS starts on the bytes that follow. A connection
 * whose header is missing or malformed is closed before TLS (the decoder fails it); one whose
 * header names no client (v1 {@code UNKNOWN}, v2 {@code LOCAL}, or a non-IP family) is closed too,
 * because judging the proxy's own address would admit everyone the proxy forwards.
 */
final class ProxyProtocolHeader extends ChannelInboundHandlerAdapter {

    static final String NAME = "proxy-header";
    private static final Logger log = LoggerFactory.getLogger(ProxyProtocolHeader.class);

    private final MqttIpFilter ipFilter;

    ProxyProtocolHeader(MqttIpFilter ipFilter) {
        this.ipFilter = ipFilter;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage header)) {
            // The decoder passes nothing else before a header; anything else is a protocol breach.
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        try {
            InetSocketAddress client = clientOf(header);
            if (client == null) {
                log.debug("MQTT {}: PROXY header names no client ({} {}), closing", ctx.channel().remoteAddress(),
                        header.command(), header.proxiedProtocol());
                ctx.close();
                return;
            }
            ctx.channel().attr(ClientAddress.PROXIED).set(client);
            ctx.pipeline().remove(this);
            ipFilter.judge(ctx, client);
        } finally {
            header.release();
        }
    }

    private static InetSocketAddress clientOf(HAProxyMessage header) {
        if (header.command() != HAProxyCommand.PROXY || header.sourceAddress() == null
                || (header.proxiedProtocol().addressFamily() != HAProxyProxiedProtocol.AddressFamily.AF_IPv4
                && header.proxiedProtocol().addressFamily() != HAProxyProxiedProtocol.AddressFamily.AF_IPv6)) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(header.sourceAddress());
        if (bytes == null) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), header.sourcePort());
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Chiefly HAProxyProtocolException: no header, or a malformed one (e.g. a device dialling the node directly).
        log.debug("MQTT {}: no valid PROXY protocol header, closing: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
