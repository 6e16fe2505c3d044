package io.localdps.mqtt;

import io.localdps.registration.DeviceRegistrations;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import java.util.concurrent.Executor;

/**
 * IP filter → TLS → size guard → MQTT codec → the DPS session, for every accepted connection. Behind
 * a TCP proxy ({@link MqttSettings#proxyProtocol()}) the IP filter's place is taken by the PROXY
 * protocol decoder and {@link ProxyProtocolHeader}, which runs the same filter on the client address
 * the header names: the socket's own peer is only the proxy.
 */
final class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Registration IDs may have 128 characters; Netty's default client ID limit is 23. */
    private static final int MAX_CLIENT_ID_LENGTH = 256;
    static final String SESSION = "dps-session";

    private final SslContext tls;
    private final MqttSettings settings;
    private final DeviceRegistrations registrations;
    private final MqttConnectCheck connectCheck;
    private final Executor requestExecutor;
    private final TlsHandshakeWatch handshakeWatch;
    private final MqttIpFilter ipFilter;

    MqttChannelInitializer(SslContext tls, MqttSettings settings, DeviceRegistrations registrations,
                           MqttConnectCheck connectCheck, Executor requestExecutor, Runnable onTlsHandshakeFailure,
                           MqttAdmission admission) {
        this.handshakeWatch = new TlsHandshakeWatch(onTlsHandshakeFailure);
        this.tls = tls;
        this.settings = settings;
        this.registrations = registrations;
        this.connectCheck = connectCheck;
        this.requestExecutor = requestExecutor;
        this.ipFilter = new MqttIpFilter(admission, settings);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        SslHandler tlsHandler = tls.newHandler(channel.alloc());
        tlsHandler.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
        if (settings.proxyProtocol()) {
            channel.pipeline()
                    .addLast("proxy-protocol", new HAProxyMessageDecoder())
                    .addLast(ProxyProtocolHeader.NAME, new ProxyProtocolHeader(ipFilter));
        } else {
            channel.pipeline().addLast(MqttIpFilter.NAME, ipFilter);
        }
        channel.pipeline()
                .addLast("tls", tlsHandler)
                .addLast("tls-watch", handshakeWatch)
                .addLast("size-guard", new MqttFrameSizeGuard(settings.maxMessageBytes()))
                .addLast("mqtt-decoder", new MqttDecoder(settings.maxMessageBytes(), MAX_CLIENT_ID_LENGTH))
                .addLast("mqtt-encoder", MqttEncoder.INSTANCE)
                .addLast(SESSION, new MqttDeviceSession(settings, registrations, connectCheck, requestExecutor,
                        PeerCertificates.FROM_TLS));
    }
}
