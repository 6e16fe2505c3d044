package io.localdps.mqtt;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.AbstractRemoteAddressFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * First in every connection's pipeline: judges the client's address once, when the connection is
 * registered, and then leaves the pipeline (Netty's {@link AbstractRemoteAddressFilter}). An
 * accepted connection carries on untouched. A rejected one gets no DPS session: it may finish the
 * TLS handshake and its CONNECT is answered "not authorized" (the MQTT counterpart of Azure's 401),
 * with nothing naming the rule; see {@link RefusedMqttSession}.
 */
@ChannelHandler.Sharable
final class MqttIpFilter extends AbstractRemoteAddressFilter<InetSocketAddress> {

    static final String NAME = "ip-filter";
    private static final Logger log = LoggerFactory.getLogger(MqttIpFilter.class);

    private final MqttAdmission admission;
    private final MqttSettings settings;

    MqttIpFilter(MqttAdmission admission, MqttSettings settings) {
        this.admission = admission;
        this.settings = settings;
    }

    @Override
    protected boolean accept(ChannelHandlerContext ctx, InetSocketAddress remoteAddress) {
        return admission.admits(remoteAddress.getAddress());
    }

    @Override
    protected ChannelFuture channelRejected(ChannelHandlerContext ctx, InetSocketAddress remoteAddress) {
        refuse(ctx, remoteAddress);
        // The refused session closes the connection itself once it has answered.
        return ctx.channel().closeFuture();
    }

    /**
     * Judges a client address learnt some other way than from the socket (the PROXY protocol
     * header), with the same outcome as for a direct connection. This handler is then not in the
     * pipeline at all; {@code ctx} is the caller's.
     */
    void judge(ChannelHandlerContext ctx, InetSocketAddress client) {
        if (!accept(ctx, client)) {
            refuse(ctx, client);
        }
    }

    private void refuse(ChannelHandlerContext ctx, InetSocketAddress client) {
        // DEBUG: a rejected source may retry without pause; dps.ipfilter.rejections counts them.
        log.debug("MQTT {}: rejected by the IP filter", client);
        ctx.pipeline().replace(MqttChannelInitializer.SESSION, MqttChannelInitializer.SESSION,
                new RefusedMqttSession(settings.connectTimeout()));
    }
}
