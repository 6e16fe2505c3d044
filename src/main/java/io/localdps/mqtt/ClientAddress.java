package io.localdps.mqtt;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

import java.net.InetSocketAddress;

/**
 * The device's own address: the one a PROXY protocol header named when the endpoint sits behind a
 * TCP proxy, otherwise the socket's peer. Registration records and logs should show the device,
 * not the proxy.
 */
final class ClientAddress {

    static final AttributeKey<InetSocketAddress> PROXIED = AttributeKey.valueOf("dps.mqtt.proxied-client");

    private ClientAddress() {
    }

    static InetSocketAddress of(Channel channel) {
        InetSocketAddress proxied = channel.attr(PROXIED).get();
        if (proxied != null) {
            return proxied;
        }
        return channel.remoteAddress() instanceof InetSocketAddress address ? address : null;
    }
}
