package io.localdps.mqtt;

import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.instance.InstanceService;
import io.localdps.networking.FilterAction;
import io.localdps.networking.FilterTarget;
import io.localdps.networking.IpFilterMetrics;
import io.localdps.networking.IpFilterRule;
import io.localdps.networking.NetworkChange;
import io.localdps.networking.NetworkingService;
import io.localdps.networking.PublicNetworkAccess;
import io.localdps.registration.DeviceTokens;
import io.localdps.testsupport.H2Database;
import io.localdps.testsupport.ServiceTest;
import io.localdps.tls.DeviceTlsMaterial;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IP filter on the MQTT listener, with real Paho clients over TLS from 127.0.0.1: a rejected
 * address gets CONNACK "not authorized" even with valid credentials, exactly as wrong credentials do.
 */
@ServiceTest
class MqttIpFilterTest implements H2Database {

    @Autowired MqttEndpoint endpoint;
    @Autowired DeviceTlsMaterial tls;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired NetworkingService networking;
    @Autowired MeterRegistry meters;

    @AfterEach
    void openEverythingAgain() {
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, List.of()), networking.settings().version(), null, false);
    }

    @Test
    void anMqtt5DeviceFromARejectedAddressIsRefusedWithNotAuthorizedDespiteAValidToken() throws Exception {
        rejectLoopbackFor(FilterTarget.DEVICE_API);
        String id = enrolledDevice();
        double rejectedBefore = rejections();

        try (PahoV5Device device = new PahoV5Device(endpoint.port(), id)) {
            assertThatThrownBy(() -> device.connect(trustingDeviceCa(), userName(id), token(id)))
                    .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class)
                    .satisfies(e -> assertThat(((org.eclipse.paho.mqttv5.common.MqttException) e).getReasonCode()).isEqualTo(0x87));
        }
        assertThat(rejections()).as("dps.ipfilter.rejections{transport=mqtt}").isEqualTo(rejectedBefore + 1);
    }

    @Test
    void anMqtt311DeviceFromARejectedAddressGetsReturnCode5() throws Exception {
        rejectLoopbackFor(FilterTarget.ALL);
        String id = enrolledDevice();

        try (PahoV311Device device = new PahoV311Device(endpoint.port(), id)) {
            assertThatThrownBy(() -> device.connect(trustingDeviceCa(), userName(id), token(id)))
                    .isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class)
                    .satisfies(e -> assertThat(((org.eclipse.paho.client.mqttv3.MqttException) e).getReasonCode()).isEqualTo(5));
        }
    }

    @Test
    void aRuleForTheServiceApiOnlyLetsTheSameDeviceConnectAndRegister() throws Exception {
        rejectLoopbackFor(FilterTarget.SERVICE_API);
        String id = enrolledDevice();

        try (PahoV5Device device = new PahoV5Device(endpoint.port(), id)) {
            device.connect(trustingDeviceCa(), userName(id), token(id));
            device.subscribeToResponses();
            device.publish("$dps/registrations/PUT/iotdps-register/?$rid=1", "{\"registrationId\":\"" + id + "\"}", 1);

            assertThat(device.nextResponse().topic()).startsWith("$dps/registrations/res/");
        }
    }

    @Test
    void removingTheRuleAdmitsTheNextConnectionAtOnce() throws Exception {
        rejectLoopbackFor(FilterTarget.DEVICE_API);
        String id = enrolledDevice();
        try (PahoV5Device refused = new PahoV5Device(endpoint.port(), id)) {
            assertThatThrownBy(() -> refused.connect(trustingDeviceCa(), userName(id), token(id)));
        }

        openEverythingAgain();

        try (PahoV5Device device = new PahoV5Device(endpoint.port(), id)) {
            device.connect(trustingDeviceCa(), userName(id), token(id));
        }
    }

    private double rejections() {
        return meters.get(IpFilterMetrics.REJECTIONS).tag("transport", "mqtt").counter().count();
    }

    private void rejectLoopbackFor(FilterTarget target) {
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED,
                List.of(new IpFilterRule("no-loopback", FilterAction.REJECT, "127.0.0.1/32", target))),
                networking.settings().version(), null, false);
    }

    private String enrolledDevice() {
        String id = "ipf-" + UUID.randomUUID().toString().substring(0, 8);
        individuals.create(id, null, Attestation.symmetricKey(null, null), EnrollmentSettings.defaults());
        return id;
    }

    private String token(String id) {
        return DeviceTokens.sas(instance.idScope(), id, individuals.get(id).attestation().symmetricKey().primaryKey());
    }

    private String userName(String id) {
        return instance.idScope() + "/registrations/" + id + "/api-version=2019-03-31&ClientVersion=ip-filter-test";
    }

    private SSLContext trustingDeviceCa() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("device-ca", tls.trustAnchor());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
