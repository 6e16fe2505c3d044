package io.localdps.mqtt;

import io.localdps.registration.DeviceCredentials;
import io.localdps.registration.DeviceRequest;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Judges a CONNECT by its form alone (device-api.md §5.1): protocol version, user name, client ID
 * and which credentials came with it. Whether those credentials are right is for
 * {@link MqttConnectCheck} and DeviceRegistrations.
 */
final class ConnectValidator {

    sealed interface Outcome {
        MqttVersion version();
    }

    /** @param identity the device and its credentials; the body is empty */
    record Accepted(MqttVersion version, DeviceRequest identity, int keepAliveSeconds) implements Outcome {
    }

    record Refused(MqttVersion version, ConnectRefusal refusal, String reason) implements Outcome {
    }

    private ConnectValidator() {
    }

    /** @param peerChain the TLS client certificate chain, leaf first; asked only when there is no password */
    static Outcome validate(MqttConnectMessage connect, Supplier<List<X509Certificate>> peerChain, InetSocketAddress remote) {
        MqttConnectVariableHeader header = connect.variableHeader();
        MqttVersion version = MqttVersion.fromProtocolNameAndLevel(header.name(), (byte) header.version());
        if (version != MqttVersion.MQTT_3_1_1 && version != MqttVersion.MQTT_5) {
            return new Refused(MqttVersion.MQTT_3_1_1, ConnectRefusal.UNSUPPORTED_PROTOCOL_VERSION, "protocol " + version);
        }
        if (header.properties().getProperty(MqttPropertyType.AUTHENTICATION_METHOD.value()) != null) {
            return new Refused(version, ConnectRefusal.BAD_AUTHENTICATION_METHOD, "MQTT 5 enhanced authentication");
        }
        Optional<MqttUserName> userName = MqttUserName.parse(connect.payload().userName());
        if (userName.isEmpty()) {
            return new Refused(version, ConnectRefusal.BAD_USER_NAME,
                    "user name is not {idScope}/registrations/{registrationId}/api-version=...");
        }
        MqttUserName user = userName.get();
        if (!user.registrationId().equalsIgnoreCase(connect.payload().clientIdentifier())) {
            return new Refused(version, ConnectRefusal.CLIENT_ID_NOT_REGISTRATION_ID,
                    "client ID is not the registration ID '" + user.registrationId() + "'");
        }
        DeviceCredentials credentials;
        byte[] password = connect.payload().passwordInBytes();
        if (password != null && password.length > 0) {
            credentials = new DeviceCredentials.SasToken(new String(password, StandardCharsets.UTF_8));
        } else {
            // X.509 devices send no password (TPM is not possible over MQTT).
            List<X509Certificate> chain = peerChain.get();
            if (chain.isEmpty()) {
                return new Refused(version, ConnectRefusal.NOT_AUTHORIZED, "neither a SAS token nor a client certificate");
            }
            String commonName = commonName(chain.getFirst());
            if (!user.registrationId().equalsIgnoreCase(commonName)) {
                return new Refused(version, ConnectRefusal.NOT_AUTHORIZED,
                        "client certificate CN '" + commonName + "' is not the registration ID");
            }
            credentials = new DeviceCredentials.ClientCertificates(chain);
        }
        DeviceRequest identity = new DeviceRequest(user.idScope(), user.registrationId(), user.apiVersion(), credentials,
                new byte[0], DeviceRequest.Transport.MQTT, remote);
        return new Accepted(version, identity, header.keepAliveTimeSeconds());
    }

    /** The subject's (last, most specific) CN, or null. */
    static String commonName(X509Certificate certificate) {
        RDN[] names = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return names.length == 0 ? null : IETFUtils.valueToString(names[names.length - 1].getFirst().getValue());
    }
}
