package io.localdps.mqtt;

import io.localdps.registration.DeviceCredentials;
import io.localdps.registration.DeviceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;

import static io.localdps.mqtt.TestPackets.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server on a random loopback port, TLS and all, with the Paho clients. Connecting to
 * 127.0.0.1 means the clients send no SNI; the 3.1.1 device offers only TLS 1.2 as the Java
 * provisioning client does, the MQTT 5 device negotiates TLS 1.3.
 */
class MqttLoopbackTest {

    private static final TestPki PKI = new TestPki();
    private static final String REGISTER_BODY = "{\"registrationId\":\"" + REGISTRATION_ID + "\"}";

    private final RecordingRegistrations registrations = new RecordingRegistrations();
    private MqttServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = startServer(MqttSettings.defaults().withPort(0));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MqttServer startServer(MqttSettings settings) throws Exception {
        return MqttServer.start(settings, registrations, PKI.serverMaterial(), MqttConnectCheck.acceptAll());
    }

    @Test
    void registersAndPollsWithThePahoMqtt5ClientOverTls13() throws Exception {
        try (PahoV5Device device = new PahoV5Device(server.port(), REGISTRATION_ID)) {
            device.connect(PKI.clientContext("TLSv1.3", null), USER_NAME, SAS_TOKEN);
            device.subscribeToResponses();

            device.publish(REGISTER_TOPIC + "1", REGISTER_BODY, 1);
            Response assigning = device.nextResponse();
            device.publish(POLL_TOPIC + "2&operationId=" + assigning.operationId(), " ", 1);
            Response assigned = device.nextResponse();

            assertThat(assigning.topic()).isEqualTo("$dps/registrations/res/202/?$rid=1&retry-after=1");
            assertThat(assigning.payload()).contains("\"status\":\"assigning\"");
            assertThat(assigning.qos()).isEqualTo(1);
            assertThat(assigned.topic()).isEqualTo("$dps/registrations/res/200/?$rid=2");
            assertThat(assigned.payload()).isEqualTo(RecordingRegistrations.assignedBody(assigning.operationId(), REGISTRATION_ID));
        }
        assertThat(registrations.calls()).extracting(RecordingRegistrations.Call::method).containsExactly("register", "operationStatus");
        DeviceRequest register = registrations.calls().getFirst().request();
        assertThat(register.credentials()).isEqualTo(new DeviceCredentials.SasToken(SAS_TOKEN));
        assertThat(new String(register.body(), StandardCharsets.UTF_8)).isEqualTo(REGISTER_BODY);
        assertThat(register.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void registersAndPollsWithThePahoMqtt311ClientSetUpLikeTheJavaSdkOverTls12() throws Exception {
        String operationId;
        try (PahoV311Device device = new PahoV311Device(server.port(), REGISTRATION_ID)) {
            device.connect(PKI.clientContext("TLSv1.2", null), USER_NAME, SAS_TOKEN);
            device.subscribeToResponses();

            device.publish(REGISTER_TOPIC + "1", REGISTER_BODY, 0);
            Response assigning = device.nextResponse();
            operationId = assigning.operationId();
            device.publish(POLL_TOPIC + "2&operationId=" + operationId, "", 0);
            Response assigned = device.nextResponse();

            assertThat(assigning.topic()).isEqualTo("$dps/registrations/res/202/?$rid=1&retry-after=1");
            assertThat(assigned.topic()).isEqualTo("$dps/registrations/res/200/?$rid=2");
            assertThat(assigned.payload()).contains("\"assignedHub\":\"" + RecordingRegistrations.HUB + "\"");
        }
        assertThat(registrations.calls().get(1).operationId()).isEqualTo(operationId);
    }

    @Test
    void passesTheX509DevicesCertificateChainFromTheTlsHandshakeToDeviceRegistrations() throws Exception {
        TestPki.DeviceIdentity identity = PKI.device(REGISTRATION_ID);
        try (PahoV311Device device = new PahoV311Device(server.port(), REGISTRATION_ID)) {
            device.connect(PKI.clientContext("TLSv1.2", identity), USER_NAME, null);
            device.subscribeToResponses();

            device.publish(REGISTER_TOPIC + "1", REGISTER_BODY, 0);
            assertThat(device.nextResponse().topic()).startsWith("$dps/registrations/res/202/");
        }
        DeviceCredentials credentials = registrations.onlyCall().request().credentials();
        assertThat(credentials).isInstanceOf(DeviceCredentials.ClientCertificates.class);
        var chain = ((DeviceCredentials.ClientCertificates) credentials).chain();
        assertThat(chain).extracting(X509Certificate::getSubjectX500Principal)
                .containsExactly(identity.leaf().certificate().getSubjectX500Principal(), identity.intermediate().getSubjectX500Principal());
        assertThat(ConnectValidator.commonName(chain.getFirst())).isEqualTo(REGISTRATION_ID);
    }

    @Test
    void closesATcpConnectionThatNeverStartsTls() throws Exception {
        try (MqttServer quick = startServer(MqttSettings.defaults().withPort(0).withConnectTimeout(Duration.ofMillis(300)));
             Socket socket = new Socket("127.0.0.1", quick.port())) {

            assertThat(closedByServer(socket)).isTrue();
        }
    }

    @Test
    void closesAConnectionThatStopsHalfwayThroughTheTlsHandshake() throws Exception {
        try (MqttServer quick = startServer(MqttSettings.defaults().withPort(0).withConnectTimeout(Duration.ofMillis(300)));
             Socket socket = new Socket("127.0.0.1", quick.port())) {
            // A handshake record header announcing 512 bytes, followed by only a few of them.
            socket.getOutputStream().write(new byte[]{0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xFC, 0x03, 0x03});
            socket.getOutputStream().flush();

            assertThat(closedByServer(socket)).isTrue();
        }
    }

    @Test
    void servesOtherDevicesWhileOneConnectionHangsBeforeTls() throws Exception {
        try (Socket hanging = new Socket("127.0.0.1", server.port());
             PahoV5Device device = new PahoV5Device(server.port(), REGISTRATION_ID)) {
            device.connect(PKI.clientContext("TLSv1.3", null), USER_NAME, SAS_TOKEN);
            device.subscribeToResponses();
            device.publish(REGISTER_TOPIC + "1", REGISTER_BODY, 1);

            assertThat(device.nextResponse().topic()).startsWith("$dps/registrations/res/202/");
            assertThat(hanging.isClosed()).isFalse();
        }
    }

    /**
     * Reads until the server closes the connection. A TLS alert may come first; a reset also
     * counts as closed. The read timeout only keeps a broken server from hanging the build.
     */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
