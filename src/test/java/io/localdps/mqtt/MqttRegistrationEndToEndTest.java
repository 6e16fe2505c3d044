package io.localdps.mqtt;

import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.hub.IotHubRegistry;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.registration.DeviceTokens;
import io.localdps.testsupport.H2Database;
import io.localdps.testsupport.ServiceTest;
import io.localdps.tls.DeviceTlsMaterial;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.KeyStore;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Symmetric-key devices registering over MQTT/TLS with the real Paho clients against the whole
 * application: the generated device certificate, the real registration engine, the simulated hubs.
 */
@ServiceTest
class MqttRegistrationEndToEndTest implements H2Database {

    @Autowired MqttEndpoint endpoint;
    @Autowired DeviceTlsMaterial tls;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired LinkedHubService hubs;
    @Autowired IotHubRegistry hubRegistry;

    @Test
    void aPahoMqtt5DeviceRegistersAndItsDeviceAppearsInTheAssignedHub() throws Exception {
        String hub = "mqtt-" + UUID.randomUUID().toString().substring(0, 8) + ".azure-devices.net";
        hubs.link(hub, LinkedHubSettings.defaults());
        String id = "mqtt-device-" + UUID.randomUUID().toString().substring(0, 8);
        var enrollment = individuals.create(id, null, Attestation.symmetricKey(null, null),
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hub), null, false, null));
        String token = DeviceTokens.sas(instance.idScope(), id, enrollment.attestation().symmetricKey().primaryKey());

        try (PahoV5Device device = new PahoV5Device(endpoint.port(), id)) {
            device.connect(trustingDeviceCa("TLSv1.3"), userName(id), token);
            device.subscribeToResponses();
            device.publish("$dps/registrations/PUT/iotdps-register/?$rid=1", "{\"registrationId\":\"" + id + "\"}", 1);
            Response assigning = device.nextResponse();
            assertThat(assigning.topic()).startsWith("$dps/registrations/res/202/?$rid=1");
            Response result = pollUntilDone(device, assigning.operationId());

            assertThat(result.topic()).startsWith("$dps/registrations/res/200/");
            assertThat(result.payload()).contains("\"status\":\"assigned\"").contains("\"assignedHub\":\"" + hub + "\"");
        }
        assertThat(hubRegistry.findDevice(hub, id)).isPresent();
    }

    @Test
    void aWrongKeyIsRefusedAtConnectWithReturnCode5ForAnMqtt311Client() throws Exception {
        String id = "mqtt-wrong-" + UUID.randomUUID().toString().substring(0, 8);
        individuals.create(id, null, Attestation.symmetricKey(null, null), EnrollmentSettings.defaults());
        String token = DeviceTokens.sas(instance.idScope(), id, SymmetricKeys.generate());

        try (PahoV311Device device = new PahoV311Device(endpoint.port(), id)) {
            assertThatThrownBy(() -> device.connect(trustingDeviceCa("TLSv1.2"), userName(id), token))
                    .isInstanceOf(MqttException.class)
                    .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(5));
        }
    }

    private Response pollUntilDone(PahoV5Device device, String operationId) throws Exception {
        for (int rid = 2; rid < 100; rid++) {
            device.publish("$dps/registrations/GET/iotdps-get-operationstatus/?$rid=" + rid + "&operationId=" + operationId, "", 1);
            Response response = device.nextResponse();
            if (!response.topic().startsWith("$dps/registrations/res/202/")) {
                return response;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never assigned");
    }

    private String userName(String id) {
        return instance.idScope() + "/registrations/" + id + "/api-version=2019-03-31&ClientVersion=e2e-test";
    }

    private SSLContext trustingDeviceCa(String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("device-ca", tls.trustAnchor());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
