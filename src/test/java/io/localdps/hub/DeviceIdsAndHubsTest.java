package io.localdps.hub;

import io.localdps.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import static io.localdps.hub.HubDeviceFixtures.KEY_1;
import static io.localdps.hub.HubDeviceFixtures.KEY_2;
import static io.localdps.hub.HubDeviceFixtures.sasDevice;
import static io.localdps.hub.HubDeviceFixtures.selfSignedDevice;
import static io.localdps.hub.HubDeviceFixtures.twin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which device a call means: IDs unique per hub and case-sensitive, hubs by host name; and what is refused. */
abstract class DeviceIdsAndHubsTest extends HubTestBase {

    @Test
    void theSameDeviceIdInTwoHubsIsTwoIndependentDevices() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        registry.createOrUpdateDevice(HUB_B, sasDevice("sensor-1"));
        registry.replaceTwin(HUB_A, "sensor-1", twin("{\"hub\": \"a\"}", "{}"));

        registry.deleteDevice(HUB_B, "sensor-1");

        assertThat(twinOf(HUB_A, "sensor-1").tags().get("hub").asString()).isEqualTo("a");
        assertThat(registry.findDevice(HUB_B, "sensor-1")).isEmpty();
    }

    @Test
    void writingTheSameDeviceIdTwiceInOneHubUpdatesTheOneDevice() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));

        DeviceUpsert second = registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", KEY_2, KEY_1));

        assertThat(second.created()).isFalse();
        assertThat(rowsInHubDeviceTable()).isEqualTo(1);
        assertThat(hubDevices.count(HUB_A)).isEqualTo(1);
    }

    @Test
    void deviceIdsAreCaseSensitiveSoDifferentCaseMeansAnotherDevice() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("Sensor-1", KEY_1, KEY_2));

        DeviceUpsert lower = registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", KEY_2, KEY_1));

        assertThat(lower.created()).isTrue();
        assertThat(registry.findDevice(HUB_A, "SENSOR-1")).isEmpty();
        assertThat(deviceIn(HUB_A, "Sensor-1").authentication().primaryKey()).isEqualTo(KEY_1);
        assertThat(deviceIn(HUB_A, "sensor-1").authentication().primaryKey()).isEqualTo(KEY_2);
        assertThat(registry.deleteDevice(HUB_A, "SENSOR-1")).isFalse();
        assertThat(hubDevices.count(HUB_A)).isEqualTo(2);
    }

    @Test
    void hubHostNamesAreComparedIgnoringCase() {
        registry.createOrUpdateDevice("HUB-A.Azure-Devices.net", sasDevice("sensor-1"));

        assertThat(deviceIn(HUB_A, "sensor-1").hubHostName()).isEqualTo(HUB_A);
        assertThat(registry.findDevice(" Hub-A.azure-devices.net ", "sensor-1")).isPresent();
    }

    @Test
    void aDeviceIdIotHubWouldRefuseIsRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> registry.createOrUpdateDevice(HUB_A, sasDevice("sensor/1")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys(DeviceIdentityRules.DEVICE_ID));
        assertThatThrownBy(() -> registry.createOrUpdateDevice(HUB_A, sasDevice("d".repeat(129))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> registry.createOrUpdateDevice(HUB_A, sasDevice("")))
                .isInstanceOf(InvalidInputException.class);

        assertThat(rowsInHubDeviceTable()).isZero();
    }

    @Test
    void everyCharacterIotHubAllowsInADeviceIdIsAccepted() {
        String deviceId = "aZ0-:.+%_#*?!(),=@;$'";

        registry.createOrUpdateDevice(HUB_A, sasDevice(deviceId));

        assertThat(deviceIn(HUB_A, deviceId).deviceId()).isEqualTo(deviceId);
    }

    @Test
    void badCredentialsAreRefusedAndTheDeviceKeepsItsPreviousOnes() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        String fifteenBytes = java.util.Base64.getEncoder().encodeToString(new byte[15]);

        assertThatThrownBy(() -> registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", fifteenBytes, "not base64!")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys(DeviceIdentityRules.PRIMARY_KEY, DeviceIdentityRules.SECONDARY_KEY));
        assertThatThrownBy(() -> registry.createOrUpdateDevice(HUB_A, selfSignedDevice("sensor-1", "ABC")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys(DeviceIdentityRules.PRIMARY_THUMBPRINT));
        assertThatThrownBy(() -> registry.createOrUpdateDevice(HUB_A, selfSignedDevice("sensor-1", null)))
                .isInstanceOf(InvalidInputException.class);

        assertThat(deviceIn(HUB_A, "sensor-1").authentication()).isEqualTo(DeviceAuthentication.sas(KEY_1, KEY_2));
    }

    @Test
    void aHubThatIsNotLinkedIsUnavailableForEveryCall() {
        String unknown = "hub-z.azure-devices.net";

        assertThatThrownBy(() -> registry.createOrUpdateDevice(unknown, sasDevice("sensor-1")))
                .isInstanceOfSatisfying(HubUnavailableException.class, e -> {
                    assertThat(e.hubHostName()).isEqualTo(unknown);
                    assertThat(e.isTransient()).isFalse();
                });
        assertThatThrownBy(() -> registry.findDevice(unknown, "sensor-1")).isInstanceOf(HubUnavailableException.class);
        assertThatThrownBy(() -> registry.getTwin(unknown, "sensor-1")).isInstanceOf(HubUnavailableException.class);
        assertThatThrownBy(() -> registry.deleteDevice(unknown, "sensor-1")).isInstanceOf(HubUnavailableException.class);
        assertThatThrownBy(() -> registry.replaceTwin(unknown, "sensor-1", twin("{}", "{}")))
                .isInstanceOf(HubUnavailableException.class);
        assertThat(rowsInHubDeviceTable()).isZero();
    }

    @Test
    void unlinkingAHubKeepsItsDevicesHiddenUntilItIsLinkedAgain() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        registry.replaceTwin(HUB_A, "sensor-1", twin("{\"site\": \"plant-a\"}", "{}"));

        hubs.unlink(HUB_A);

        assertThat(rowsInHubDeviceTable()).isEqualTo(1);
        assertThat(hubDevices.count(HUB_A)).isZero();
        assertThat(hubDevices.details(HUB_A, "sensor-1")).isEmpty();
        assertThatThrownBy(() -> registry.findDevice(HUB_A, "sensor-1")).isInstanceOf(HubUnavailableException.class);

        hubs.link(HUB_A, LinkedHubSettings.defaults());

        assertThat(hubDevices.count(HUB_A)).isEqualTo(1);
        assertThat(twinOf(HUB_A, "sensor-1").tags().get("site").asString()).isEqualTo("plant-a");
    }
}
