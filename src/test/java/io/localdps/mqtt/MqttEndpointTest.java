package io.localdps.mqtt;

import io.localdps.registration.DeviceRegistrations;
import io.localdps.tls.DeviceTlsMaterial;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static io.localdps.mqtt.TestPackets.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Spring wiring: {@code dps.mqtt.*}, the lifecycle, and the beans the endpoint is built from. */
class MqttEndpointTest {

    private static final TestPki PKI = new TestPki();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MqttConfiguration.class)
            .withBean(DeviceRegistrations.class, RecordingRegistrations::new)
            .withBean(DeviceTlsMaterial.class, PKI::serverMaterial)
            .withPropertyValues("dps.mqtt.port=0");

    @Test
    void startsWithTheContextOnARandomPortAndServesDevicesWithTheInjectedTlsMaterial() {
        context.run(running -> {
            MqttEndpoint endpoint = running.getBean(MqttEndpoint.class);
            assertThat(endpoint.isRunning()).isTrue();
            assertThat(endpoint.port()).isPositive();

            try (PahoV5Device device = new PahoV5Device(endpoint.port(), REGISTRATION_ID)) {
                device.connect(PKI.clientContext("TLSv1.3", null), USER_NAME, SAS_TOKEN);
                device.subscribeToResponses();
                device.publish(REGISTER_TOPIC + "1", "", 1);
                assertThat(device.nextResponse().topic()).isEqualTo("$dps/registrations/res/202/?$rid=1&retry-after=1");
            }
        });
    }

    @Test
    void stopsWithTheContext() {
        AtomicReference<MqttEndpoint> endpoint = new AtomicReference<>();

        context.run(running -> endpoint.set(running.getBean(MqttEndpoint.class)));

        assertThat(endpoint.get().isRunning()).isFalse();
        assertThatThrownBy(() -> endpoint.get().port()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startsNoEndpointWhenDisabled() {
        context.withPropertyValues("dps.mqtt.enabled=false")
                .run(running -> assertThat(running).doesNotHaveBean(MqttEndpoint.class));
    }

    @Test
    void refusesConnectionsThatAnMqttConnectCheckBeanRefuses() {
        context.withBean(MqttConnectCheck.class, () -> connect -> MqttConnectCheck.Verdict.NOT_AUTHORIZED).run(running -> {
            try (PahoV5Device device = new PahoV5Device(running.getBean(MqttEndpoint.class).port(), REGISTRATION_ID)) {
                assertThatThrownBy(() -> device.connect(PKI.clientContext("TLSv1.3", null), USER_NAME, SAS_TOKEN))
                        .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x87));
            }
        });
    }

    @Test
    void bindsEveryPropertyOntoTheServerSettings() {
        context.withPropertyValues("dps.mqtt.port=18883", "dps.mqtt.connect-timeout=3s", "dps.mqtt.idle-timeout=2m",
                        "dps.mqtt.max-message-size=64KB", "dps.mqtt.reply-delay=250ms", "dps.mqtt.request-threads=2",
                        "dps.mqtt.request-queue-capacity=10", "dps.mqtt.proxy-protocol=true", "dps.mqtt.enabled=false")
                .run(running -> assertThat(running.getBean(MqttEndpointProperties.class).toSettings()).isEqualTo(
                        new MqttSettings(18883, Duration.ofSeconds(3), Duration.ofMinutes(2), 64 * 1024, Duration.ofMillis(250), 2, 10,
                                true)));
    }

    @Test
    void defaultsToTheSettingsTheSpecsAskFor() {
        new ApplicationContextRunner().withUserConfiguration(MqttConfiguration.class).withPropertyValues("dps.mqtt.enabled=false")
                .run(running -> assertThat(running.getBean(MqttEndpointProperties.class).toSettings()).isEqualTo(MqttSettings.defaults()));
    }

    /** src/test/resources/config/application.properties keeps whole-application tests off port 8883. */
    @Test
    void bindsARandomPortInTestsThatStartTheWholeApplication() {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(MqttConfiguration.class,
                io.localdps.mqtt.MqttEndpointTest.TestBeans.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run()) {
            MqttEndpoint endpoint = application.getBean(MqttEndpoint.class);
            assertThat(endpoint.port()).isPositive().isNotEqualTo(8883);
        }
    }

    /** The two beans the endpoint needs from the rest of the application. */
    static class TestBeans {
        @org.springframework.context.annotation.Bean
        io.localdps.registration.DeviceRegistrations registrations() {
            return new RecordingRegistrations();
        }

        @org.springframework.context.annotation.Bean
        io.localdps.tls.DeviceTlsMaterial tlsMaterial() {
            return new TestPki().serverMaterial();
        }
    }
}
