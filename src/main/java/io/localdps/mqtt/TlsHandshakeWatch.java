package io.localdps.mqtt;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import java.nio.channels.ClosedChannelException;

/**
 * Reports failed TLS handshakes (wrong CA, no common protocol or cipher, plain MQTT on the TLS
 * port, a handshake timeout) and passes the event on to the session, which closes the connection.
 * A client that hangs up before the handshake is done is not counted: port scans and TCP health
 * checks do that, and would drown the real failures.
 */
@ChannelHandler.Sharable
final class TlsHandshakeWatch extends ChannelInboundHandlerAdapter {

    private final Runnable onFailure;

    TlsHandshakeWatch(Runnable onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()
                && !(handshake.cause() instanceof ClosedChannelException)) {
            onFailure.run();
        }
        super.userEventTriggered(ctx, event);
    }
}
