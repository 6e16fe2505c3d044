package io.localdps.benchmark;

import io.localdps.attestation.SymmetricKeys;
import io.localdps.registration.DeviceTokens;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

import javax.net.ssl.SSLException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A load generator for symmetric-key registrations over MQTT 3.1.1 / TLS, without a thread per
 * device: every simulated device is one Netty channel (TLS → MQTT codec → a small state machine)
 * on a few event loops. A device connects with a SAS token made from its group-derived key,
 * subscribes to {@code $dps/registrations/res/#}, registers, polls its operation immediately on
 * every 202 (ignoring retry-after, so the time measured is the server's), and disconnects once
 * assigned. At most {@code concurrency} devices are in flight; a finished one starts the next.
 */
final class MqttRegistrationLoad {

    /** Where the devices register. */
    record Target(String host, int port, String idScope, String groupKey, X509Certificate trustAnchor) {
    }

    /**
     * @param idPrefix      registration IDs are {@code idPrefix + index}
     * @param clientThreads the generator's event loops
     * @param requestQos    QoS of register and poll PUBLISHes: 0 as the Java and C clients, 1 as Node, Python and C#
     * @param resumeTls     let devices resume each other's TLS sessions: unrealistic, only to measure what a full handshake costs
     * @param launchFor     no device starts after this much time; the devices in flight still finish
     */
    record Options(int devices, int concurrency, String idPrefix, int clientThreads, int requestQos, boolean resumeTls,
                   Duration deviceTimeout, Duration launchFor) {
    }

    /** Latencies in nanoseconds of the devices that were assigned; errors by kind. */
    record Result(int devices, int notStarted, long elapsedNanos, long[] connectToAssigned, long[] registerToAssigned, long[] handshake,
                  long polls, Map<String, Long> errors, CpuSplit.Report cpu) {

        int assigned() {
            return connectToAssigned.length;
        }

        double perSecond() {
            return assigned() / (elapsedNanos / 1e9);
        }
    }

    private static final String RESPONSE_FILTER = "$dps/registrations/res/#";
    private static final String REGISTER_TOPIC = "$dps/registrations/PUT/iotdps-register/?$rid=";
    private static final String POLL_TOPIC = "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=";
    private static final String RESPONSE_PREFIX = "$dps/registrations/res/";

    private MqttRegistrationLoad() {
    }

    static Result run(Target target, Options options) throws InterruptedException, SSLException {
        // The JDK's TLS unless -Dbench.client-tls=openssl (netty-tcnative on the class path).
        SslProvider provider = "openssl".equalsIgnoreCase(System.getProperty("bench.client-tls", "jdk"))
                ? SslProvider.OPENSSL : SslProvider.JDK;
        SslContext tls = SslContextBuilder.forClient()
                .sslProvider(provider)
                .trustManager(target.trustAnchor())
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.clientThreads(),
                new DefaultThreadFactory("bench-client", true), NioIoHandler.newFactory());
        try {
            return new Run(target, options, tls, group).execute();
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** One run: the devices' timings and the start of the next device when one finishes. */
    private static final class Run {

        private final Target target;
        private final Options options;
        private final SslContext tls;
        private final Bootstrap bootstrap;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger notStarted = new AtomicInteger();
        private long startNanos;
        private final CountDownLatch finished;
        private final long[] connectToAssigned;
        private final long[] registerToAssigned;
        private final long[] handshake;
        private final boolean[] assigned;
        private final LongAdder polls = new LongAdder();
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        Run(Target target, Options options, SslContext tls, EventLoopGroup group) {
            this.target = target;
            this.options = options;
            this.tls = tls;
            this.finished = new CountDownLatch(options.devices());
            this.connectToAssigned = new long[options.devices()];
            this.registerToAssigned = new long[options.devices()];
            this.handshake = new long[options.devices()];
            this.assigned = new boolean[options.devices()];
            this.bootstrap = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.deviceTimeout().toMillis());
        }

        Result execute() throws InterruptedException {
            CpuSplit cpu = CpuSplit.start();
            long start = System.nanoTime();
            startNanos = start;
            for (int i = 0; i < Math.min(options.concurrency(), options.devices()); i++) {
                startNext();
            }
            long budget = Math.min(options.deviceTimeout().toNanos() * (options.devices() / Math.max(1, options.concurrency()) + 2),
                    options.launchFor().plus(options.deviceTimeout()).plusSeconds(5).toNanos());
            if (!finished.await(budget, TimeUnit.NANOSECONDS)) {
                error("run-timeout");
            }
            long elapsed = System.nanoTime() - start;
            CpuSplit.Report cpuUsed = cpu.stop(); // before the generator's event loops end, or their CPU is lost
            int count = 0;
            for (boolean done : assigned) {
                count += done ? 1 : 0;
            }
            long[] total = new long[count];
            long[] afterRegister = new long[count];
            long[] tls = new long[count];
            for (int i = 0, j = 0; i < assigned.length; i++) {
                if (assigned[i]) {
                    total[j] = connectToAssigned[i];
                    afterRegister[j] = registerToAssigned[i];
                    tls[j++] = handshake[i];
                }
            }
            Map<String, Long> errorCounts = new TreeMap<>();
            errors.forEach((kind, n) -> errorCounts.put(kind, n.sum()));
            return new Result(options.devices(), notStarted.get(), elapsed, total, afterRegister, tls, polls.sum(), errorCounts, cpuUsed);
        }

        private void startNext() {
            int index;
            while (true) {
                index = next.getAndIncrement();
                if (index >= options.devices()) {
                    return;
                }
                if (System.nanoTime() - startNanos < options.launchFor().toNanos()) {
                    break;
                }
                notStarted.incrementAndGet();
                finished.countDown();
            }
            launch(index);
        }

        private void launch(int index) {
            String registrationId = options.idPrefix() + index;
            String deviceKey = SymmetricKeys.deriveDeviceKey(target.groupKey(), registrationId);
            String sas = DeviceTokens.sas(target.idScope(), registrationId, java.util.Base64.getDecoder().decode(deviceKey),
                    Instant.now().plusSeconds(3600));
            Device device = new Device(this, index, registrationId, sas);
            device.startedNanos = System.nanoTime();
            ChannelFuture connecting = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    // Each device is another device: without resumption, the session cache is keyed per device so
                    // no device resumes another's TLS session (the port given here only names the cache entry).
                    SslHandler handler = options.resumeTls()
                            ? tls.newHandler(channel.alloc(), target.host(), target.port())
                            : tls.newHandler(channel.alloc(), target.host(), index + 1);
                    handler.setHandshakeTimeoutMillis(options.deviceTimeout().toMillis());
                    channel.pipeline()
                            .addLast("tls", handler)
                            .addLast("mqtt-decoder", new MqttDecoder())
                            .addLast("mqtt-encoder", MqttEncoder.INSTANCE)
                            .addLast("device", device);
                }
            }).connect(target.host(), target.port());
            connecting.addListener((ChannelFutureListener) future -> {
                if (!future.isSuccess()) {
                    device.fail("tcp-connect: " + future.cause().getClass().getSimpleName());
                }
            });
        }

        void done(Device device, boolean success) {
            if (success) {
                connectToAssigned[device.index] = device.assignedNanos - device.startedNanos;
                registerToAssigned[device.index] = device.assignedNanos - device.registerSentNanos;
                handshake[device.index] = device.handshakeNanos - device.startedNanos;
                assigned[device.index] = true;
            }
            polls.add(device.polls);
            finished.countDown();
            startNext();
        }

        void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** One simulated device: a handler on its own channel, so it runs on one event loop. */
    private static final class Device extends SimpleChannelInboundHandler<MqttMessage> {

        private enum Phase { TLS, CONNECT, SUBSCRIBE, REGISTER, POLL, DONE }

        private final Run run;
        private final int index;
        private final String registrationId;
        private final String sas;
        private Phase phase = Phase.TLS;
        private ChannelHandlerContext ctx;
        private ScheduledFuture<?> deadline;
        private int packetId;
        private int rid;
        private int polls;
        private boolean finished;
        long startedNanos;
        long handshakeNanos;
        long registerSentNanos;
        long assignedNanos;

        Device(Run run, int index, String registrationId, String sas) {
            this.run = run;
            this.index = index;
            this.registrationId = registrationId;
            this.sas = sas;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
            long remaining = run.options.deviceTimeout().toNanos() - (System.nanoTime() - startedNanos);
            deadline = ctx.executor().schedule(() -> fail("timeout in " + phase), Math.max(1, remaining), TimeUnit.NANOSECONDS);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent completion) {
                if (!completion.isSuccess()) {
                    fail("tls: " + rootCause(completion.cause()));
                    return;
                }
                handshakeNanos = System.nanoTime();
                phase = Phase.CONNECT;
                String userName = run.target.idScope() + "/registrations/" + registrationId
                        + "/api-version=2019-03-31&ClientVersion=localdps-benchmark";
                ctx.writeAndFlush(MqttMessageBuilders.connect()
                        .protocolVersion(MqttVersion.MQTT_3_1_1)
                        .clientId(registrationId)
                        .cleanSession(true)
                        .keepAlive(60)
                        .hasUser(true).username(userName)
                        .hasPassword(true).password(sas.getBytes(StandardCharsets.UTF_8))
                        .build());
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
            if (finished) {
                return;
            }
            if (message.decoderResult().isFailure()) {
                fail("undecodable packet in " + phase);
                return;
            }
            MqttMessageType type = message.fixedHeader().messageType();
            switch (type) {
                case CONNACK -> connAck((MqttConnAckMessage) message);
                case SUBACK -> subAck((MqttSubAckMessage) message);
                case PUBLISH -> response((MqttPublishMessage) message);
                case PUBACK -> { } // the server acknowledging a QoS 1 request
                default -> fail("unexpected " + type + " in " + phase);
            }
        }

        private void connAck(MqttConnAckMessage connAck) {
            MqttConnectReturnCode code = connAck.variableHeader().connectReturnCode();
            if (phase != Phase.CONNECT || code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
                fail("CONNACK " + code.byteValue() + " (" + code + ")");
                return;
            }
            phase = Phase.SUBSCRIBE;
            ctx.writeAndFlush(MqttMessageBuilders.subscribe().messageId(nextPacketId())
                    .addSubscription(MqttQoS.AT_LEAST_ONCE, RESPONSE_FILTER).build());
        }

        private void subAck(MqttSubAckMessage subAck) {
            var granted = subAck.payload().grantedQoSLevels();
            if (phase != Phase.SUBSCRIBE || granted.isEmpty() || granted.getFirst() > 2) {
                fail("SUBACK refused " + granted);
                return;
            }
            phase = Phase.REGISTER;
            registerSentNanos = System.nanoTime();
            publish(REGISTER_TOPIC + (++rid), "{\"registrationId\":\"" + registrationId + "\"}");
        }

        private void response(MqttPublishMessage publish) {
            if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
                ctx.write(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
            }
            String topic = publish.variableHeader().topicName();
            String body = publish.payload().toString(StandardCharsets.UTF_8);
            int status = statusOf(topic);
            if (status == 202 && (phase == Phase.REGISTER || phase == Phase.POLL)) {
                String operationId = field(body, "operationId");
                if (operationId == null) {
                    fail("202 without operationId");
                    return;
                }
                phase = Phase.POLL;
                polls++;
                publish(POLL_TOPIC + (++rid) + "&operationId=" + operationId, "");
            } else if (status == 200 && phase == Phase.POLL) {
                String outcome = field(body, "status");
                if (!"assigned".equals(outcome)) {
                    fail("200 with status " + outcome);
                    return;
                }
                assignedNanos = System.nanoTime();
                succeed();
            } else {
                ctx.flush();
                fail("response " + status + " in " + phase + (status >= 400 ? " (errorCode " + field(body, "errorCode") + ")" : ""));
            }
        }

        private void publish(String topic, String payload) {
            MqttQoS qos = run.options.requestQos() == 1 ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
            ctx.writeAndFlush(MqttMessageBuilders.publish().topicName(topic).qos(qos).retained(false)
                    .messageId(qos == MqttQoS.AT_MOST_ONCE ? -1 : nextPacketId())
                    .payload(Unpooled.wrappedBuffer(payload.getBytes(StandardCharsets.UTF_8))).build());
        }

        private void succeed() {
            finish(true);
            ctx.writeAndFlush(new MqttMessage(new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE,
                    false, 0))).addListener(ChannelFutureListener.CLOSE);
        }

        void fail(String kind) {
            if (finished) {
                return;
            }
            run.error(kind);
            finish(false);
            if (ctx != null) {
                ctx.close();
            }
        }

        private void finish(boolean success) {
            finished = true;
            phase = Phase.DONE;
            if (deadline != null) {
                deadline.cancel(false);
            }
            run.done(this, success);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail("connection closed by server in " + phase);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail("exception in " + phase + ": " + rootCause(cause));
        }

        private int nextPacketId() {
            packetId = packetId % 0xFFFF + 1;
            return packetId;
        }

        private static String rootCause(Throwable cause) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName();
        }
    }

    /** The status in {@code $dps/registrations/res/{status}/?$rid=...}, or -1. */
    static int statusOf(String topic) {
        if (topic == null || !topic.startsWith(RESPONSE_PREFIX)) {
            return -1;
        }
        int end = topic.indexOf('/', RESPONSE_PREFIX.length());
        try {
            return Integer.parseInt(topic.substring(RESPONSE_PREFIX.length(), end < 0 ? topic.length() : end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first string or number value of {@code "name":} in a flat scan of the JSON text; enough for these bodies. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        while (from < json.length() && json.charAt(from) == ' ') {
            from++;
        }
        if (from < json.length() && json.charAt(from) == '"') {
            int end = json.indexOf('"', from + 1);
            return end < 0 ? null : json.substring(from + 1, end);
        }
        int end = from;
        while (end < json.length() && ",}] ".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(from, end);
    }

    /** The p-th percentile (0..100) of nanosecond values, in milliseconds; sorts the array. */
    static double percentileMillis(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(nanos);
        int rank = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank))] / 1e6;
    }
}
