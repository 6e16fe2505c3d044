package io.localdps.mqtt;

import io.localdps.registration.DeviceCredentials;
import io.localdps.registration.DeviceRequest;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.atomic.AtomicReference;

import static io.localdps.mqtt.TestPackets.*;
import static io.netty.handler.codec.mqtt.MqttConnectReturnCode.*;
import static org.assertj.core.api.Assertions.assertThat;

/** CONNECT of device-api.md §5.1 and client-compat.md MQTT-1, MQTT-2, MQTT-8, for MQTT 3.1.1 and 5. */
class MqttConnectTest {

    private static final TestPki PKI = new TestPki();

    private static MqttConnectReturnCode returnCode(EmbeddedSession session) {
        MqttConnAckMessage connAck = session.next();
        assertThat(connAck.variableHeader().isSessionPresent()).isFalse();
        return connAck.variableHeader().connectReturnCode();
    }

    @Test
    void acceptsTheJavaClientsMqtt311ConnectWithCleanSessionOffAndSaysNoSessionIsPresent() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(MqttVersion.MQTT_3_1_1).cleanSession(false).build());
        session.runRequests();

        assertThat(returnCode(session)).isEqualTo(CONNECTION_ACCEPTED);
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void acceptsAnMqtt5ConnectAndAnnouncesQos1NoRetainAndThePacketSizeLimit() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(MqttVersion.MQTT_5).cleanSession(true).build());
        session.runRequests();

        MqttConnAckMessage connAck = session.next();
        assertThat(connAck.variableHeader().connectReturnCode()).isEqualTo(CONNECTION_ACCEPTED);
        MqttProperties properties = connAck.variableHeader().properties();
        assertThat(properties.getProperty(MqttPropertyType.MAXIMUM_QOS.value()).value()).isEqualTo(1);
        assertThat(properties.getProperty(MqttPropertyType.RETAIN_AVAILABLE.value()).value()).isEqualTo(0);
        assertThat(properties.getProperty(MqttPropertyType.MAXIMUM_PACKET_SIZE.value()).value()).isEqualTo(96 * 1024);
    }

    @Test
    void answersConnectOnlyAfterTheConnectCheckRanOffTheEventLoop() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(MqttVersion.MQTT_3_1_1).build());

        assertThat(session.sent()).isEmpty();
        assertThat(session.executor.waiting()).isEqualTo(1);
        session.runRequests();
        assertThat(returnCode(session)).isEqualTo(CONNECTION_ACCEPTED);
    }

    @Test
    void handsTheConnectCheckTheIdentityAndSasTokenFromTheConnect() {
        AtomicReference<DeviceRequest> checked = new AtomicReference<>();
        EmbeddedSession session = EmbeddedSession.builder().connectCheck(connect -> {
            checked.set(connect);
            return MqttConnectCheck.Verdict.ACCEPT;
        }).build();

        session.connected(MqttVersion.MQTT_3_1_1);

        assertThat(checked.get().idScope()).isEqualTo(ID_SCOPE);
        assertThat(checked.get().registrationId()).isEqualTo(REGISTRATION_ID);
        assertThat(checked.get().apiVersion()).isEqualTo(API_VERSION);
        assertThat(checked.get().credentials()).isEqualTo(new DeviceCredentials.SasToken(SAS_TOKEN));
        assertThat(checked.get().transport()).isEqualTo(DeviceRequest.Transport.MQTT);
        assertThat(checked.get().body()).isEmpty();
    }

    @ParameterizedTest(name = "MQTT {0}: {1}")
    @CsvSource({
            "MQTT_3_1_1, NOT_AUTHORIZED,     CONNECTION_REFUSED_NOT_AUTHORIZED",
            "MQTT_5,     NOT_AUTHORIZED,     CONNECTION_REFUSED_NOT_AUTHORIZED_5",
            "MQTT_3_1_1, SERVER_UNAVAILABLE, CONNECTION_REFUSED_SERVER_UNAVAILABLE",
            "MQTT_5,     SERVER_UNAVAILABLE, CONNECTION_REFUSED_SERVER_UNAVAILABLE_5",
    })
    void refusesWithTheConnectChecksVerdictAndCloses(MqttVersion version, MqttConnectCheck.Verdict verdict,
                                                     MqttConnectReturnCode expected) {
        EmbeddedSession session = EmbeddedSession.builder().connectCheck(connect -> verdict).build();

        session.send(connect(version).build());
        session.runRequests();

        assertThat(returnCode(session)).isEqualTo(expected);
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void refusesAsServerUnavailableWhenTheRequestExecutorIsFull() {
        EmbeddedSession session = EmbeddedSession.builder().executor(new ManualExecutor(0)).build();

        session.send(connect(MqttVersion.MQTT_3_1_1).build());

        assertThat(returnCode(session)).isEqualTo(CONNECTION_REFUSED_SERVER_UNAVAILABLE);
        assertThat(session.isOpen()).isFalse();
    }

    @ParameterizedTest(name = "MQTT {0}: ''{1}''")
    @CsvSource({
            "MQTT_3_1_1, 0ne00ABC123/registrations/sensor-0042,                        CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD",
            "MQTT_5,     0ne00ABC123/registrations/sensor-0042,                        CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD",
            "MQTT_3_1_1, 0ne00ABC123/devices/sensor-0042/api-version=2019-03-31,       CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD",
            "MQTT_5,     sensor-0042,                                                  CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD",
    })
    void refusesAMalformedUserNameWithBadUserNameAndCloses(MqttVersion version, String userName, MqttConnectReturnCode expected) {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(version).userName(userName).build());

        assertThat(returnCode(session)).isEqualTo(expected);
        assertThat(session.isOpen()).isFalse();
        assertThat(session.executor.waiting()).as("no connect check for a refused CONNECT").isZero();
    }

    @Test
    void refusesAConnectWithoutUserName() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(MqttVersion.MQTT_3_1_1).userName(null).build());

        assertThat(returnCode(session)).isEqualTo(CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @CsvSource({"MQTT_3_1_1, CONNECTION_REFUSED_IDENTIFIER_REJECTED", "MQTT_5, CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID"})
    void refusesAClientIdThatIsNotTheRegistrationId(MqttVersion version, MqttConnectReturnCode expected) {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(version).clientId("another-device").build());

        assertThat(returnCode(session)).isEqualTo(expected);
    }

    @Test
    void comparesClientIdAndRegistrationIdCaseInsensitively() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(MqttVersion.MQTT_3_1_1).clientId(REGISTRATION_ID.toUpperCase()).build());
        session.runRequests();

        assertThat(returnCode(session)).isEqualTo(CONNECTION_ACCEPTED);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @CsvSource({"MQTT_3_1_1, CONNECTION_REFUSED_NOT_AUTHORIZED", "MQTT_5, CONNECTION_REFUSED_NOT_AUTHORIZED_5"})
    void refusesAsNotAuthorizedAConnectWithNeitherPasswordNorClientCertificate(MqttVersion version, MqttConnectReturnCode expected) {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(version).withoutPassword().build());

        assertThat(returnCode(session)).isEqualTo(expected);
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void takesTheClientCertificateChainAsCredentialsWhenThereIsNoPassword() {
        TestPki.DeviceIdentity device = PKI.device(REGISTRATION_ID);
        AtomicReference<DeviceRequest> checked = new AtomicReference<>();
        EmbeddedSession session = EmbeddedSession.builder().clientCertificates(device.chain()).connectCheck(connect -> {
            checked.set(connect);
            return MqttConnectCheck.Verdict.ACCEPT;
        }).build();

        session.send(connect(MqttVersion.MQTT_3_1_1).withoutPassword().build());
        session.runRequests();

        assertThat(returnCode(session)).isEqualTo(CONNECTION_ACCEPTED);
        assertThat(checked.get().credentials()).isEqualTo(new DeviceCredentials.ClientCertificates(device.chain()));
    }

    @Test
    void refusesAClientCertificateWhoseCommonNameIsNotTheRegistrationId() {
        EmbeddedSession session = EmbeddedSession.builder().clientCertificates(PKI.device("someone-else").chain()).build();

        session.send(connect(MqttVersion.MQTT_3_1_1).withoutPassword().build());

        assertThat(returnCode(session)).isEqualTo(CONNECTION_REFUSED_NOT_AUTHORIZED);
    }

    @Test
    void prefersTheSasTokenWhenADeviceSendsBothPasswordAndCertificate() {
        AtomicReference<DeviceRequest> checked = new AtomicReference<>();
        EmbeddedSession session = EmbeddedSession.builder().clientCertificates(PKI.device(REGISTRATION_ID).chain())
                .connectCheck(connect -> {
                    checked.set(connect);
                    return MqttConnectCheck.Verdict.ACCEPT;
                }).build();

        session.connected(MqttVersion.MQTT_3_1_1);

        assertThat(checked.get().credentials()).isInstanceOf(DeviceCredentials.SasToken.class);
    }

    @Test
    void refusesMqtt31AsAnUnacceptableProtocolVersion() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(MqttVersion.MQTT_3_1).build());

        assertThat(returnCode(session)).isEqualTo(CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void refusesMqtt5EnhancedAuthentication() {
        EmbeddedSession session = EmbeddedSession.start();
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttPropertyType.AUTHENTICATION_METHOD.value(), "SCRAM-SHA-1"));

        session.send(MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5).clientId(REGISTRATION_ID)
                .username(USER_NAME).properties(properties).build());

        assertThat(returnCode(session)).isEqualTo(CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD);
    }

    @Test
    void handlesPacketsSentBehindConnectOnlyAfterTheConnack() {
        EmbeddedSession session = EmbeddedSession.start();

        session.send(connect(MqttVersion.MQTT_3_1_1).build());
        session.send(subscribeToResponses());
        assertThat(session.sent()).isEmpty();
        session.runRequests();

        assertThat(session.sent()).extracting(packet -> packet.fixedHeader().messageType())
                .containsExactly(MqttMessageType.CONNACK, MqttMessageType.SUBACK);
    }
}
