package io.localdps.hub;

import io.localdps.common.NotFoundException;
import io.localdps.common.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.localdps.hub.HubDeviceFixtures.THUMBPRINT_1;
import static io.localdps.hub.HubDeviceFixtures.caDevice;
import static io.localdps.hub.HubDeviceFixtures.edgeDevice;
import static io.localdps.hub.HubDeviceFixtures.sasDevice;
import static io.localdps.hub.HubDeviceFixtures.selfSignedDevice;
import static io.localdps.hub.HubDeviceFixtures.twin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the console lists and shows of a hub's devices: pages, sorting, filter, counts, details, delete. */
abstract class HubDeviceServiceTest extends HubTestBase {

    @Test
    void aHubsDevicesArePagedInDeviceIdOrderWithoutTheOtherHubsDevices() {
        for (int i = 1; i <= 7; i++) {
            registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-" + i));
        }
        registry.createOrUpdateDevice(HUB_B, sasDevice("sensor-0"));

        List<HubDeviceSummary> second = hubDevices.page(HUB_A, null, new PageRequest(3, 3, null, true));

        assertThat(second).extracting(HubDeviceSummary::deviceId).containsExactly("sensor-4", "sensor-5", "sensor-6");
        assertThat(second).extracting(HubDeviceSummary::hubHostName).containsOnly(HUB_A);
        assertThat(hubDevices.count(HUB_A)).isEqualTo(7);
        assertThat(hubDevices.count(HUB_B)).isEqualTo(1);
        assertThat(hubDevices.count("hub-z.azure-devices.net")).isZero();
    }

    @Test
    void aPageRowCarriesAuthenticationTypeEdgeCapabilityStatusAndLastUpdate() {
        DeviceRecord created = registry.createOrUpdateDevice(HUB_A, DeviceIdentity.enabled("cam-1",
                DeviceAuthentication.selfSigned(THUMBPRINT_1, null), true)).device();

        HubDeviceSummary row = hubDevices.page(HUB_A, null, PageRequest.first(10)).getFirst();

        assertThat(row).isEqualTo(new HubDeviceSummary(HUB_A, "cam-1", AuthenticationType.SELF_SIGNED, true,
                DeviceStatus.ENABLED, created.updated()));
    }

    @Test
    void theDeviceListSortsByEachColumnBothWays() {
        registry.createOrUpdateDevice(HUB_A, caDevice("b-ca"));
        registry.createOrUpdateDevice(HUB_A, edgeDevice("c-edge"));
        registry.createOrUpdateDevice(HUB_A, selfSignedDevice("a-self", THUMBPRINT_1));

        assertThat(ids("deviceId", false)).containsExactly("c-edge", "b-ca", "a-self");
        assertThat(ids("authType", true)).containsExactly("b-ca", "c-edge", "a-self");
        assertThat(ids("iotEdge", false)).containsExactly("c-edge", "b-ca", "a-self");
        assertThat(ids("updated", false)).containsExactly("a-self", "c-edge", "b-ca");
        assertThat(ids("no-such-column", true)).containsExactly("a-self", "b-ca", "c-edge");
    }

    @Test
    void theFilterFindsPartOfTheDeviceIdIgnoringCaseAndTakesWildcardsLiterally() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("Plant-A_Sensor-1"));
        registry.createOrUpdateDevice(HUB_A, sasDevice("plantXa-sensor-2"));
        registry.createOrUpdateDevice(HUB_A, sasDevice("gateway-1"));

        assertThat(hubDevices.page(HUB_A, " SENSOR ", PageRequest.first(10)))
                .extracting(HubDeviceSummary::deviceId).containsExactly("Plant-A_Sensor-1", "plantXa-sensor-2");
        assertThat(hubDevices.count(HUB_A, "sensor")).isEqualTo(2);
        assertThat(hubDevices.page(HUB_A, "a_s", PageRequest.first(10)))
                .extracting(HubDeviceSummary::deviceId).containsExactly("Plant-A_Sensor-1");
        assertThat(hubDevices.count(HUB_A, "%")).isZero();
    }

    @Test
    void theDetailsHoldTheIdentityWithItsKeysAndTheTwin() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        registry.replaceTwin(HUB_A, "sensor-1", twin("{\"site\": \"plant-a\"}", "{\"interval\": 30}"));

        HubDeviceDetails details = hubDevices.details("HUB-A.azure-devices.net", "sensor-1").orElseThrow();

        assertThat(details.device()).isEqualTo(deviceIn(HUB_A, "sensor-1"));
        assertThat(details.twin()).isEqualTo(twinOf(HUB_A, "sensor-1"));
        assertThat(hubDevices.details(HUB_A, "Sensor-1")).isEmpty();
        assertThat(hubDevices.details(HUB_B, "sensor-1")).isEmpty();
    }

    @Test
    void deletingADeviceRemovesItFromItsHubOnly() {
        registry.createOrUpdateDevice(HUB_A, sasDevice("sensor-1"));
        registry.createOrUpdateDevice(HUB_B, sasDevice("sensor-1"));

        hubDevices.delete(HUB_A, "sensor-1");

        assertThat(hubDevices.count(HUB_A)).isZero();
        assertThat(hubDevices.count(HUB_B)).isEqualTo(1);
        assertThatThrownBy(() -> hubDevices.delete(HUB_A, "sensor-1"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("sensor-1");
    }

    private List<String> ids(String sortBy, boolean ascending) {
        return hubDevices.page(HUB_A, null, new PageRequest(0, 10, sortBy, ascending)).stream()
                .map(HubDeviceSummary::deviceId).toList();
    }
}
