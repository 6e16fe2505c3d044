package io.localdps.mqtt;

import io.localdps.networking.IpFilterMetrics;
import io.localdps.networking.NetworkAdmission;
import io.localdps.networking.NetworkEndpoint;
import io.localdps.registration.DeviceRegistrations;
import io.localdps.tls.DeviceTlsMaterial;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MQTT device endpoint, on unless {@code dps.mqtt.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MqttEndpointProperties.class)
public class MqttConfiguration {

    /**
     * @param connectCheck optional: without such a bean every well-formed CONNECT is accepted
     * @param metrics      optional: without it (a context without meters) handshake failures are not counted
     * @param admission    the IP filter and public network access rules for the device API; always present in
     *                     the application, absent only in slices that wire this configuration alone
     * @param filterMetrics optional, like {@code metrics}: counts the connections the IP filter rejects
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "dps.mqtt.enabled", matchIfMissing = true)
    MqttEndpoint mqttEndpoint(MqttEndpointProperties properties, DeviceRegistrations registrations,
                              DeviceTlsMaterial tlsMaterial, ObjectProvider<MqttConnectCheck> connectCheck,
                              ObjectProvider<MqttMetrics> metrics, ObjectProvider<NetworkAdmission> admission,
                              ObjectProvider<IpFilterMetrics> filterMetrics) {
        MqttMetrics meters = metrics.getIfAvailable();
        IpFilterMetrics rejections = filterMetrics.getIfAvailable();
        return new MqttEndpoint(properties.toSettings(), registrations, tlsMaterial,
                connectCheck.getIfAvailable(MqttConnectCheck::acceptAll), meters == null ? () -> { } : meters::tlsHandshakeFailed,
                admission.stream().findFirst().<MqttAdmission>map(rules -> client -> {
                    boolean admitted = rules.admits(client, NetworkEndpoint.DEVICE_API);
                    if (!admitted && rejections != null) {
                        rejections.rejected(IpFilterMetrics.Transport.MQTT);
                    }
                    return admitted;
                }).orElseGet(MqttAdmission::acceptAll));
    }
}
