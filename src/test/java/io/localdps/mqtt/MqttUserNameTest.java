package io.localdps.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MqttUserNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "C     | 0ne00ABC123/registrations/dev1/api-version=2021-06-01&ClientVersion=1.15.0                                          | 2021-06-01 | 1.15.0",
            "Java  | 0ne00ABC123/registrations/dev1/api-version=2019-03-31&ClientVersion=2019-03-31                                      | 2019-03-31 | 2019-03-31",
            "Node  | 0ne00ABC123/registrations/dev1/api-version=2019-03-31&ClientVersion=azure-iot-provisioning-device%2F1.9.1            | 2019-03-31 | azure-iot-provisioning-device/1.9.1",
            "C#    | 0ne00ABC123/registrations/dev1/api-version=2019-03-31&ClientVersion=Microsoft.Azure.Devices.Provisioning.Client%2F1.19%20(.NET) | 2019-03-31 | Microsoft.Azure.Devices.Provisioning.Client/1.19 (.NET)",
            "Python| 0ne00ABC123/registrations/dev1/api-version=2019-03-31&ClientVersion=azure-iot-device%2F2.12.0                         | 2019-03-31 | azure-iot-device/2.12.0",
    })
    void readsTheUserNameOfEachSdk(String sdk, String userName, String apiVersion, String clientVersion) {
        assertThat(MqttUserName.parse(userName))
                .contains(new MqttUserName("0ne00ABC123", "dev1", apiVersion, clientVersion));
    }

    @Test
    void acceptsTheDocumentedRawClientFormWithoutClientVersion() {
        assertThat(MqttUserName.parse("0ne00ABC123/registrations/dev1/api-version=2019-03-31"))
                .contains(new MqttUserName("0ne00ABC123", "dev1", "2019-03-31", null));
    }

    @Test
    void ignoresUnknownParametersAndStrayAmpersands() {
        assertThat(MqttUserName.parse("0ne00ABC123/registrations/dev1/&&foo=bar&api-version=2021-06-01&&x&DeviceClientType=iothubclient%2F1"))
                .contains(new MqttUserName("0ne00ABC123", "dev1", "2021-06-01", null));
    }

    @Test
    void keepsSlashesInTheClientVersionThatWereNotEncoded() {
        assertThat(MqttUserName.parse("0ne00ABC123/registrations/dev1/api-version=2019-03-31&ClientVersion=azure-iot-device/2.12.0"))
                .map(MqttUserName::clientVersion).contains("azure-iot-device/2.12.0");
    }

    @Test
    void readsTheRegistrationsLiteralCaseInsensitively() {
        assertThat(MqttUserName.parse("0ne00ABC123/Registrations/dev1/api-version=2019-03-31")).isPresent();
    }

    @Test
    void keepsTheRegistrationIdsCaseAndDecodesPercentEscapesInIt() {
        assertThat(MqttUserName.parse("0ne00ABC123/registrations/Dev%3A1/api-version=2019-03-31"))
                .map(MqttUserName::registrationId).contains("Dev:1");
    }

    @Test
    void decodesAFormEncodedApiVersion() {
        assertThat(MqttUserName.parse("0ne00ABC123/registrations/dev1/api%2Dversion=2021%2D06%2D01"))
                .map(MqttUserName::apiVersion).contains("2021-06-01");
    }

    @Test
    void toleratesAQuestionMarkBeforeTheParameters() {
        assertThat(MqttUserName.parse("0ne00ABC123/registrations/dev1/?api-version=2019-03-31"))
                .map(MqttUserName::apiVersion).contains("2019-03-31");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "0ne00ABC123",
            "0ne00ABC123/registrations/dev1",
            "0ne00ABC123/registrations/dev1/",
            "0ne00ABC123/registrations/dev1/ClientVersion=1.0",
            "0ne00ABC123/registrations/dev1/api-version=",
            "0ne00ABC123/devices/dev1/api-version=2019-03-31",
            "/registrations/dev1/api-version=2019-03-31",
            "0ne00ABC123/registrations//api-version=2019-03-31",
            "0ne00ABC123/registrations/ /api-version=2019-03-31",
    })
    void refusesUserNamesWithoutScopeRegistrationIdOrApiVersion(String userName) {
        assertThat(MqttUserName.parse(userName)).isEmpty();
    }
}
