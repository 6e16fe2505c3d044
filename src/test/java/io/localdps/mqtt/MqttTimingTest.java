package io.localdps.mqtt;

import io.localdps.registration.DeviceResponse;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.localdps.mqtt.TestPackets.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time-related behaviour on the EmbeddedChannel's stopped clock, which only the test moves: no
 * assertion depends on how fast anything runs.
 */
class MqttTimingTest {

    private static final String REGISTER_BODY = "{\"registrationId\":\"" + REGISTRATION_ID + "\"}";

    @Test
    void holdsTheResponseUntilTheReplyDelayHasPassedSinceTheRequestForTheJavaClient() {
        Duration delay = Duration.ofMillis(100);
        EmbeddedSession session = EmbeddedSession.builder().settings(MqttSettings.defaults().withReplyDelay(delay)).build()
                .subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.runRequests();
        assertThat(session.sent()).as("answered, but not yet sent").isEmpty();
        session.advanceTime(delay.minusMillis(1));
        assertThat(session.sent()).isEmpty();
        session.advanceTime(Duration.ofMillis(1));

        assertThat(session.<MqttPublishMessage>next().variableHeader().topicName()).startsWith("$dps/registrations/res/202/");
    }

    @Test
    void sendsTheResponseAtOnceWhenDeviceRegistrationsTookLongerThanTheReplyDelay() {
        Duration delay = Duration.ofMillis(100);
        EmbeddedSession session = EmbeddedSession.builder().settings(MqttSettings.defaults().withReplyDelay(delay)).build()
                .subscribed(MqttVersion.MQTT_3_1_1);

        session.send(register("1", REGISTER_BODY));
        session.advanceTime(delay.plusMillis(50));
        session.runRequests();

        assertThat(session.<MqttPublishMessage>next().variableHeader().topicName()).startsWith("$dps/registrations/res/202/");
    }

    @Test
    void closesAConnectionThatSendsNoConnectWithinTheConnectTimeout() {
        Duration timeout = Duration.ofSeconds(10);
        EmbeddedSession session = EmbeddedSession.builder().settings(MqttSettings.defaults().withConnectTimeout(timeout)).build();

        session.advanceTime(timeout.minusMillis(1));
        assertThat(session.isOpen()).isTrue();
        session.advanceTime(Duration.ofMillis(1));

        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void keepsAConnectedDeviceBeyondTheConnectTimeout() {
        Duration timeout = Duration.ofSeconds(10);
        EmbeddedSession session = EmbeddedSession.builder().settings(MqttSettings.defaults().withConnectTimeout(timeout)).build()
                .connected(MqttVersion.MQTT_3_1_1);

        session.advanceTime(timeout.multipliedBy(2));

        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void dropsADeviceSilentForOneAndAHalfTimesItsKeepAlive() {
        EmbeddedSession session = EmbeddedSession.start();
        session.send(connect(MqttVersion.MQTT_3_1_1).keepAlive(230).build());
        session.runRequests();
        session.next();

        session.advanceTime(Duration.ofSeconds(345).minusMillis(1));
        assertThat(session.isOpen()).isTrue();
        session.advanceTime(Duration.ofMillis(1));

        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void answersPingsAndCountsThemAsActivity() {
        EmbeddedSession session = EmbeddedSession.start();
        session.send(connect(MqttVersion.MQTT_3_1_1).keepAlive(60).build());
        session.runRequests();
        session.next();

        session.advanceTime(Duration.ofSeconds(60));
        session.send(MqttMessage.PINGREQ);
        session.advanceTime(Duration.ofSeconds(60));

        assertThat(session.<MqttMessage>next().fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void dropsADeviceWithoutKeepAliveAfterTheIdleTimeout() {
        Duration idle = Duration.ofMinutes(4);
        EmbeddedSession session = EmbeddedSession.builder().settings(MqttSettings.defaults().withIdleTimeout(idle)).build();
        session.send(connect(MqttVersion.MQTT_3_1_1).keepAlive(0).build());
        session.runRequests();
        session.next();

        session.advanceTime(idle.minusMillis(1));
        assertThat(session.isOpen()).isTrue();
        session.advanceTime(Duration.ofMillis(1));

        assertThat(session.isOpen()).isFalse();
    }

    /**
     * With a real thread pool: while DeviceRegistrations is stuck, the connection's event loop
     * still answers a ping, and the stuck call runs on a thread that is not the event loop's.
     */
    @Test
    void keepsServingTheConnectionWhileDeviceRegistrationsIsSlow() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingRegistrations slow = new RecordingRegistrations().answeringRegister(request -> {
            entered.countDown();
            awaitQuietly(release);
            return new DeviceResponse(202, "{\"operationId\":\"op\",\"status\":\"assigning\"}", 3, Map.of());
        });
        ManualExecutor manual = new ManualExecutor();
        AtomicReference<Executor> requestExecutor = new AtomicReference<>(manual);
        EmbeddedSession session = EmbeddedSession.builder().registrations(slow).executor(manual)
                .realExecutor(task -> requestExecutor.get().execute(task)).build()
                .subscribed(MqttVersion.MQTT_3_1_1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        requestExecutor.set(pool);

        session.send(register("1", REGISTER_BODY));
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("DeviceRegistrations was called").isTrue();
        session.send(MqttMessage.PINGREQ);

        assertThat(session.<MqttMessage>next().fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
        assertThat(slow.onlyCall().thread()).isNotSameAs(Thread.currentThread());
        release.countDown();
        pool.shutdown();
        // Only after the pool finished may this thread touch the event loop's task queue again.
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        session.channel.runPendingTasks();
        assertThat(session.<MqttPublishMessage>next().variableHeader().topicName())
                .isEqualTo("$dps/registrations/res/202/?$rid=1&retry-after=3");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
