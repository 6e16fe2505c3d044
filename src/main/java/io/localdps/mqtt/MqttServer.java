package io.localdps.mqtt;

import io.localdps.registration.DeviceRegistrations;
import io.localdps.tls.DeviceTlsMaterial;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT-over-TLS device endpoint: a Netty server for the DPS topics only, with its own event
 * loops and the bounded executor on which DeviceRegistrations is called. Free of Spring;
 * {@link MqttEndpoint} gives it a lifecycle.
 */
public final class MqttServer implements AutoCloseable {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ThreadPoolExecutor requestExecutor;
    private final Channel serverChannel;

    private MqttServer(EventLoopGroup boss, EventLoopGroup workers, ThreadPoolExecutor requestExecutor, Channel serverChannel) {
        this.boss = boss;
        this.workers = workers;
        this.requestExecutor = requestExecutor;
        this.serverChannel = serverChannel;
    }

    /** Binds and returns once the port accepts connections; every client address is admitted. */
    public static MqttServer start(MqttSettings settings, DeviceRegistrations registrations, DeviceTlsMaterial tlsMaterial,
                                   MqttConnectCheck connectCheck) throws SSLException, InterruptedException {
        return start(settings, registrations, tlsMaterial, connectCheck, () -> { });
    }

    /** @param onTlsHandshakeFailure called on an event loop for every failed TLS handshake (for metrics); must not block */
    public static MqttServer start(MqttSettings settings, DeviceRegistrations registrations, DeviceTlsMaterial tlsMaterial,
                                   MqttConnectCheck connectCheck, Runnable onTlsHandshakeFailure)
            throws SSLException, InterruptedException {
        return start(settings, registrations, tlsMaterial, connectCheck, onTlsHandshakeFailure, MqttAdmission.acceptAll());
    }

    /**
     * Binds and returns once the port accepts connections.
     *
     * @param onTlsHandshakeFailure called on an event loop for every failed TLS handshake (for metrics); must not block
     * @param admission             which client addresses may connect at all (the IP filter); must not block
     */
    public static MqttServer start(MqttSettings settings, DeviceRegistrations registrations, DeviceTlsMaterial tlsMaterial,
                                   MqttConnectCheck connectCheck, Runnable onTlsHandshakeFailure, MqttAdmission admission)
            throws SSLException, InterruptedException {
        var tls = MqttTls.serverContext(tlsMaterial);
        // Calls to DeviceRegistrations may block on the database; a full queue is answered with 503.
        var requestExecutor = new ThreadPoolExecutor(settings.requestThreads(), settings.requestThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.requestQueueCapacity()), new DefaultThreadFactory("dps-mqtt-request", true));
        requestExecutor.allowCoreThreadTimeOut(true);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("dps-mqtt-accept"), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("dps-mqtt-io"), NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    // Without it each request/response step can stall ~40 ms (Nagle meets delayed ACK).
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childHandler(new MqttChannelInitializer(tls, settings, registrations, connectCheck, requestExecutor,
                            onTlsHandshakeFailure, admission))
                    .bind(settings.port())
                    .sync()
                    .channel();
            return new MqttServer(boss, workers, requestExecutor, channel);
        } catch (RuntimeException | InterruptedException e) {
            shutDown(boss, workers, requestExecutor);
            throw e;
        }
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting, lets the event loops finish their queued work, then stops the request threads. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        shutDown(boss, workers, requestExecutor);
    }

    private static void shutDown(EventLoopGroup boss, EventLoopGroup workers, ThreadPoolExecutor requestExecutor) {
        var bossDone = boss.shutdownGracefully(0, 5_000, TimeUnit.MILLISECONDS);
        var workersDone = workers.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS);
        bossDone.syncUninterruptibly();
        workersDone.syncUninterruptibly();
        requestExecutor.shutdown();
        try {
            if (!requestExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                requestExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            requestExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
