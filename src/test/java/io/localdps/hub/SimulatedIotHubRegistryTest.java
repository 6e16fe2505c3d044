package io.localdps.hub;

import io.localdps.common.InvalidInputException;
import io.localdps.common.Json;
import io.localdps.common.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.localdps.hub.HubDeviceFixtures.KEY_1;
import static io.localdps.hub.HubDeviceFixtures.KEY_2;
import static io.localdps.hub.HubDeviceFixtures.KEY_3;
import static io.localdps.hub.HubDeviceFixtures.KEY_4;
import static io.localdps.hub.HubDeviceFixtures.THUMBPRINT_1;
import static io.localdps.hub.HubDeviceFixtures.caDevice;
import static io.localdps.hub.HubDeviceFixtures.edgeDevice;
import static io.localdps.hub.HubDeviceFixtures.object;
import static io.localdps.hub.HubDeviceFixtures.sasDevice;
import static io.localdps.hub.HubDeviceFixtures.selfSignedDevice;
import static io.localdps.hub.HubDeviceFixtures.twin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating, updating and deleting devices and their twins in a simulated hub. */
abstract class SimulatedIotHubRegistryTest extends HubTestBase {

    @Test
    void aNewDeviceIsEnabledWithItsCredentialsAndAnEmptyTwinAtVersionOne() {
        DeviceUpsert upsert = registry.createOrUpdateDevice(HUB_A, edgeDevice("sensor-1"));

        DeviceRecord device = deviceIn(HUB_A, "sensor-1");
        DeviceTwin twin = twinOf(HUB_A, "sensor-1");
        assertThat(upsert.created()).isTrue();
        assertThat(upsert.device()).isEqualTo(device);
        assertThat(device.hubHostName()).isEqualTo(HUB_A);
        assertThat(device.status()).isEqualTo(DeviceStatus.ENABLED);
        assertThat(device.iotEdge()).isTrue();
        assertThat(device.authentication()).isEqualTo(DeviceAuthentication.sas(KEY_1, KEY_2));
        assertThat(device.generationId()).matches("[1-9][0-9]{17}");
        assertThat(device.etag()).isNotBlank();
        assertThat(twin.tags().isEmpty()).isTrue();
        assertThat(twin.desiredProperties().isEmpty()).isTrue();
        assertThat(twin.reportedProperties().isEmpty()).isTrue();
        assertThat(twin.desiredVersion()).isEqualTo(1);
        assertThat(twin.reportedVersion()).isEqualTo(1);
    }

    @Test
    void missingSymmetricKeysAreGeneratedAs32ByteKeysLikeIotHubDoes() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", null, " "));

        DeviceAuthentication keys = deviceIn(HUB_A, "sensor-1").authentication();
        assertThat(Base64.getDecoder().decode(keys.primaryKey())).hasSize(32);
        assertThat(Base64.getDecoder().decode(keys.secondaryKey())).hasSize(32);
        assertThat(keys.primaryKey()).isNotEqualTo(keys.secondaryKey());
    }

    @Test
    void aSelfSignedDeviceKeepsItsThumbprintInUpperCaseHexAndNoKeys() {
        registry.createOrUpdateDevice(HUB_A, selfSignedDevice("cam-1", THUMBPRINT_1.toLowerCase()));

        DeviceAuthentication authentication = deviceIn(HUB_A, "cam-1").authentication();
        assertThat(authentication).isEqualTo(DeviceAuthentication.selfSigned(THUMBPRINT_1, null));
    }

    @Test
    void aCaSignedDeviceStoresNoSecretsEvenWhenGivenSome() {
        registry.createOrUpdateDevice(HUB_A, DeviceIdentity.enabled("cam-2",
                new DeviceAuthentication(AuthenticationType.CERTIFICATE_AUTHORITY, KEY_1, null, THUMBPRINT_1, null), false));

        assertThat(deviceIn(HUB_A, "cam-2").authentication()).isEqualTo(DeviceAuthentication.certificateAuthority());
    }

    @Test
    void updatingTheCredentialsOfADeviceKeepsItsTwinAndGenerationId() {
        DeviceRecord before = registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1")).device();
        registry.replaceTwin(HUB_A, "sensor-1", twin("{\"site\": \"plant-a\"}", "{\"interval\": 30}"));
        registry.reportProperties(HUB_A, "sensor-1", object("{\"firmware\": \"1.2\"}"));
        DeviceTwin twinBefore = twinOf(HUB_A, "sensor-1");

        DeviceUpsert upsert = registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1", KEY_3, KEY_4));

        DeviceRecord after = deviceIn(HUB_A, "sensor-1");
        DeviceTwin twinAfter = twinOf(HUB_A, "sensor-1");
        assertThat(upsert.created()).isFalse();
        assertThat(after.authentication()).isEqualTo(DeviceAuthentication.sas(KEY_3, KEY_4));
        assertThat(after.generationId()).isEqualTo(before.generationId());
        assertThat(after.created()).isEqualTo(before.created());
        assertThat(after.etag()).isNotEqualTo(twinBefore.etag());
        assertThat(twinAfter.tags()).isEqualTo(twinBefore.tags());
        assertThat(twinAfter.desiredProperties()).isEqualTo(object("{\"interval\": 30}"));
        assertThat(twinAfter.desiredVersion()).isEqualTo(twinBefore.desiredVersion());
        assertThat(twinAfter.reportedProperties()).isEqualTo(object("{\"firmware\": \"1.2\"}"));
        assertThat(rowsInHubDeviceTable()).isEqualTo(1);
    }

    @Test
    void aDeviceCanChangeFromKeysToACertificateAndGainTheEdgeCapability() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("gw-1"));

        registry.createOrUpdateDevice(HUB_A, DeviceIdentity.enabled("gw-1",
                DeviceAuthentication.selfSigned(THUMBPRINT_1, null), true));

        DeviceRecord device = deviceIn(HUB_A, "gw-1");
        assertThat(device.authentication().type()).isEqualTo(AuthenticationType.SELF_SIGNED);
        assertThat(device.authentication().primaryKey()).isNull();
        assertThat(device.iotEdge()).isTrue();
    }

    @Test
    void replacingTheTwinReplacesTagsAndDesiredPropertiesBumpsTheDesiredVersionAndKeepsReported() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        registry.replaceTwin(HUB_A, "sensor-1", twin("{\"site\": \"plant-a\", \"line\": 3}", "{\"interval\": 30}"));
        registry.reportProperties(HUB_A, "sensor-1", object("{\"battery\": 97}"));

        DeviceTwin replaced = registry.replaceTwin(HUB_A, "sensor-1", twin("{\"site\": \"plant-b\"}", "{}"));

        assertThat(replaced).isEqualTo(twinOf(HUB_A, "sensor-1"));
        assertThat(replaced.tags()).isEqualTo(object("{\"site\": \"plant-b\"}"));
        assertThat(replaced.desiredProperties().isEmpty()).isTrue();
        assertThat(replaced.desiredVersion()).isEqualTo(3);
        assertThat(replaced.reportedProperties()).isEqualTo(object("{\"battery\": 97}"));
        assertThat(replaced.reportedVersion()).isEqualTo(2);
    }

    @Test
    void theTwinDocumentHasIotHubsShapeWithAVersionInEachPropertiesSection() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        DeviceTwin twin = registry.replaceTwin(HUB_A, "sensor-1", twin("{\"site\": \"plant-a\"}", "{\"interval\": 30}"));

        assertThat(Json.write(twin.document())).isEqualTo(Json.write(object("{\"deviceId\": \"sensor-1\", \"etag\": " + quoted(twin.etag())
                + ", \"tags\": {\"site\": \"plant-a\"}, \"properties\": {\"desired\": {\"interval\": 30, \"$version\": 2},"
                + " \"reported\": {\"$version\": 1}}}")));
    }

    @Test
    void reportedPropertiesMergeLikeAJsonMergePatchAndCountTheirOwnVersion() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        registry.reportProperties(HUB_A, "sensor-1", object("{\"firmware\": {\"version\": \"1.0\", \"channel\": \"beta\"}, \"battery\": 97}"));

        DeviceTwin twin = registry.reportProperties(HUB_A, "sensor-1", object("{\"firmware\": {\"version\": \"1.1\"}, \"battery\": null}"));

        assertThat(twin.reportedProperties()).isEqualTo(object("{\"firmware\": {\"version\": \"1.1\", \"channel\": \"beta\"}}"));
        assertThat(twin.reportedVersion()).isEqualTo(3);
        assertThat(twin.desiredVersion()).isEqualTo(1);
    }

    @Test
    void aTwinBreakingIotHubsRulesIsRefusedAndTheTwinStaysAsItWas() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        registry.replaceTwin(HUB_A, "sensor-1", twin("{\"site\": \"plant-a\"}", "{}"));
        DeviceTwin before = twinOf(HUB_A, "sensor-1");

        assertThatThrownBy(() -> registry.replaceTwin(HUB_A, "sensor-1", twin("{\"$site\": 1}", "{\"a.b\": 2}")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys(SimulatedIotHubRegistry.TAGS, SimulatedIotHubRegistry.DESIRED));
        assertThat(twinOf(HUB_A, "sensor-1")).isEqualTo(before);
    }

    @Test
    void tagsOverEightKilobytesAreRefused() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        String tags = "{\"a\": \"" + "x".repeat(4000) + "\", \"b\": \"" + "y".repeat(4000) + "\", \"c\": \""
                + "z".repeat(300) + "\"}";

        assertThatThrownBy(() -> registry.replaceTwin(HUB_A, "sensor-1", twin(tags, "{}")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get(SimulatedIotHubRegistry.TAGS)).contains("at most 8192"));
    }

    @Test
    void theTwinOfADeviceTheHubDoesNotHoldCannotBeReplaced() {
        assertThatThrownBy(() -> registry.replaceTwin(HUB_A, "ghost", twin("{}", "{}")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ghost");
        assertThat(registry.getTwin(HUB_A, "ghost")).isEmpty();
    }

    @Test
    void deletingADeviceRemovesItWithItsTwinAndSaysWhetherItExisted() {
        String firstGeneration = registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1")).device().generationId();
        registry.replaceTwin(HUB_A, "sensor-1", twin("{\"site\": \"plant-a\"}", "{}"));

        assertThat(registry.deleteDevice(HUB_A, "sensor-1")).isTrue();
        assertThat(registry.deleteDevice(HUB_A, "sensor-1")).isFalse();
        assertThat(registry.findDevice(HUB_A, "sensor-1")).isEmpty();

        DeviceUpsert again = registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        assertThat(again.created()).isTrue();
        assertThat(again.device().generationId()).isNotEqualTo(firstGeneration);
        assertThat(twinOf(HUB_A, "sensor-1").tags().isEmpty()).isTrue();
    }

    @Test
    void aCaDeviceCanBeDeletedWithoutTouchingTheOtherDevicesOfItsHub() {
        registry.createOrUpdateDevice(HUB_A, caDevice("cam-1"));
        registry.createOrUpdateDevice(HUB_A, caDevice("cam-2"));

        registry.deleteDevice(HUB_A, "cam-1");

        assertThat(registry.findDevice(HUB_A, "cam-2")).isPresent();
        assertThat(rowsInHubDeviceTable()).isEqualTo(1);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
