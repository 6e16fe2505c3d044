package io.localdps.hub;

import io.localdps.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.localdps.hub.HubDeviceFixtures.KEY_1;
import static io.localdps.hub.HubDeviceFixtures.KEY_2;
import static io.localdps.hub.HubDeviceFixtures.KEY_3;
import static io.localdps.hub.HubDeviceFixtures.KEY_4;
import static io.localdps.hub.HubDeviceFixtures.edgeDevice;
import static io.localdps.hub.HubDeviceFixtures.object;
import static io.localdps.hub.HubDeviceFixtures.sasDevice;
import static io.localdps.hub.HubDeviceFixtures.twin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every row of the re-provisioning matrix (behaviour.md §7.2) carried out through the
 * {@link IotHubRegistry} interface alone, the way the registration worker will call it.
 */
abstract class ReprovisionMatrixTest extends HubTestBase {

    private static final TwinContent INITIAL = twin("{\"site\": \"plant-a\"}", "{\"interval\": 30}");

    @Autowired
    IotHubRegistry hubRegistry;

    @Test
    void initialAssignmentCreatesTheDeviceAndSetsTheInitialTwin() {
        DeviceUpsert upsert = hubRegistry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        hubRegistry.replaceTwin(HUB_A, "sensor-1", INITIAL);

        assertThat(upsert.created()).isTrue();
        assertThat(twinOf(HUB_A, "sensor-1").content()).isEqualTo(INITIAL);
    }

    @Test
    void initialAssignmentOfADeviceTheHubAlreadyHoldsUpdatesItAndSaysItWasNotCreated() {
        hubRegistry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", KEY_1, KEY_2));
        registry.reportProperties(HUB_A, "sensor-1", object("{\"battery\": 97}"));

        DeviceUpsert upsert = hubRegistry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", KEY_3, KEY_4));
        hubRegistry.replaceTwin(HUB_A, "sensor-1", INITIAL);

        assertThat(upsert.created()).isFalse();
        assertThat(deviceIn(HUB_A, "sensor-1").authentication().primaryKey()).isEqualTo(KEY_3);
        assertThat(twinOf(HUB_A, "sensor-1").content()).isEqualTo(INITIAL);
        assertThat(twinOf(HUB_A, "sensor-1").reportedProperties()).isEqualTo(object("{\"battery\": 97}"));
    }

    @Test
    void neverReprovisionRefreshesTheCredentialsInTheCurrentHubAndLeavesTheTwin() {
        assignWithTwin(HUB_A, "sensor-1");

        hubRegistry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", KEY_3, KEY_4));

        assertThat(deviceIn(HUB_A, "sensor-1").authentication().primaryKey()).isEqualTo(KEY_3);
        assertThat(twinOf(HUB_A, "sensor-1").content()).isEqualTo(INITIAL);
        assertThat(twinOf(HUB_A, "sensor-1").desiredVersion()).isEqualTo(2);
    }

    @Test
    void migratingToAnotherHubCopiesTagsAndDesiredPropertiesAndRemovesTheDeviceFromTheOldHub() {
        assignWithTwin(HUB_A, "sensor-1");
        registry.reportProperties(HUB_A, "sensor-1", object("{\"battery\": 97}"));
        DeviceRecord old = deviceIn(HUB_A, "sensor-1");

        DeviceUpsert moved = hubRegistry.migrateDevice(HUB_A, HUB_B, edgeDevice("sensor-1"));

        DeviceTwin twin = twinOf(HUB_B, "sensor-1");
        assertThat(moved.created()).isTrue();
        assertThat(moved.device()).isEqualTo(deviceIn(HUB_B, "sensor-1"));
        assertThat(moved.device().iotEdge()).isTrue();
        assertThat(moved.device().generationId()).isNotEqualTo(old.generationId());
        assertThat(twin.content()).isEqualTo(INITIAL);
        assertThat(twin.reportedProperties().isEmpty()).isTrue();
        assertThat(hubRegistry.findDevice(HUB_A, "sensor-1")).isEmpty();
        assertThat(rowsInHubDeviceTable()).isEqualTo(1);
    }

    @Test
    void migratingOntoADeviceTheNewHubAlreadyHoldsOverwritesItsTagsAndDesiredProperties() {
        assignWithTwin(HUB_A, "sensor-1");
        hubRegistry.createOrUpdateDevice(HUB_B, sasDevice("sensor-1"));
        hubRegistry.replaceTwin(HUB_B, "sensor-1", twin("{\"stale\": true}", "{\"stale\": true}"));

        DeviceUpsert moved = hubRegistry.migrateDevice(HUB_A, HUB_B, sasDevice("sensor-1"));

        assertThat(moved.created()).isFalse();
        assertThat(twinOf(HUB_B, "sensor-1").content()).isEqualTo(INITIAL);
        assertThat(hubRegistry.findDevice(HUB_A, "sensor-1")).isEmpty();
    }

    @Test
    void migratingADeviceTheOldHubNoLongerHoldsCreatesItWithAnEmptyTwin() {
        DeviceUpsert moved = hubRegistry.migrateDevice(HUB_A, HUB_B, sasDevice("sensor-1"));

        assertThat(moved.created()).isTrue();
        assertThat(twinOf(HUB_B, "sensor-1").content()).isEqualTo(TwinContent.empty());
    }

    @Test
    void migratingWithinTheSameHubOnlyRefreshesTheCredentials() {
        assignWithTwin(HUB_A, "sensor-1");

        DeviceUpsert same = hubRegistry.migrateDevice(HUB_A, "Hub-A.azure-devices.net", sasDevice("sensor-1", KEY_3, KEY_4));

        assertThat(same.created()).isFalse();
        assertThat(same.device().authentication().primaryKey()).isEqualTo(KEY_3);
        assertThat(twinOf(HUB_A, "sensor-1").desiredVersion()).isEqualTo(2);
    }

    @Test
    void aMigrationThatFailsLeavesTheDeviceInItsOldHub() {
        assignWithTwin(HUB_A, "sensor-1");

        assertThatThrownBy(() -> hubRegistry.migrateDevice(HUB_A, "hub-z.azure-devices.net", sasDevice("sensor-1")))
                .isInstanceOf(HubUnavailableException.class);
        assertThatThrownBy(() -> hubRegistry.migrateDevice(HUB_A, HUB_B, sasDevice("sensor-1", "bad key", null)))
                .isInstanceOf(InvalidInputException.class);

        assertThat(twinOf(HUB_A, "sensor-1").content()).isEqualTo(INITIAL);
        assertThat(hubRegistry.findDevice(HUB_B, "sensor-1")).isEmpty();
    }

    @Test
    void resettingToAnotherHubCreatesTheEnrollmentsDeviceThereWithTheInitialTwinThenDeletesTheOldOne() {
        assignWithTwin(HUB_A, "old-id");
        hubRegistry.replaceTwin(HUB_A, "old-id", twin("{\"changed\": true}", "{}"));

        hubRegistry.createOrUpdateDevice(HUB_B, sasDevice("new-id"));
        hubRegistry.replaceTwin(HUB_B, "new-id", INITIAL);
        hubRegistry.deleteDevice(HUB_A, "old-id");

        assertThat(twinOf(HUB_B, "new-id").content()).isEqualTo(INITIAL);
        assertThat(hubRegistry.findDevice(HUB_A, "old-id")).isEmpty();
    }

    @Test
    void resettingInTheSameHubReplacesTheTwinWithTheInitialOneAndKeepsTheDevice() {
        DeviceRecord before = assignWithTwin(HUB_A, "sensor-1");
        hubRegistry.replaceTwin(HUB_A, "sensor-1", twin("{\"changed\": true}", "{\"interval\": 5}"));

        hubRegistry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", KEY_3, KEY_4));
        DeviceTwin reset = hubRegistry.replaceTwin(HUB_A, "sensor-1", INITIAL);

        assertThat(reset.content()).isEqualTo(INITIAL);
        assertThat(reset.desiredVersion()).isEqualTo(4);
        assertThat(deviceIn(HUB_A, "sensor-1").generationId()).isEqualTo(before.generationId());
    }

    private DeviceRecord assignWithTwin(String hub, String deviceId) {
        DeviceRecord device = hubRegistry.createOrUpdateDevice(hub, sasDevice(deviceId)).device();
        hubRegistry.replaceTwin(hub, deviceId, INITIAL);
        return device;
    }
}
