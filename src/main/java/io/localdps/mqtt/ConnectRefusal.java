package io.localdps.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttVersion;

import static io.netty.handler.codec.mqtt.MqttConnectReturnCode.*;

/**
 * Why a CONNECT is refused, with the CONNACK code for each protocol version (device-api.md §5.1:
 * malformed user name → 4, bad credentials → 5, overload → 3).
 */
enum ConnectRefusal {
    UNSUPPORTED_PROTOCOL_VERSION(CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, CONNECTION_REFUSED_UNSUPPORTED_PROTOCOL_VERSION),
    CLIENT_ID_NOT_REGISTRATION_ID(CONNECTION_REFUSED_IDENTIFIER_REJECTED, CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID),
    BAD_USER_NAME(CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD),
    /** MQTT 5 enhanced authentication; DPS authenticates with the password or the TLS client certificate. */
    BAD_AUTHENTICATION_METHOD(CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD),
    NOT_AUTHORIZED(CONNECTION_REFUSED_NOT_AUTHORIZED, CONNECTION_REFUSED_NOT_AUTHORIZED_5),
    SERVER_UNAVAILABLE(CONNECTION_REFUSED_SERVER_UNAVAILABLE, CONNECTION_REFUSED_SERVER_UNAVAILABLE_5);

    private final MqttConnectReturnCode v311;
    private final MqttConnectReturnCode v5;

    ConnectRefusal(MqttConnectReturnCode v311, MqttConnectReturnCode v5) {
        this.v311 = v311;
        this.v5 = v5;
    }

    MqttConnectReturnCode returnCode(MqttVersion version) {
        return version == MqttVersion.MQTT_5 ? v5 : v311;
    }
}
