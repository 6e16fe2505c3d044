package io.localdps.hub;

import io.localdps.testsupport.ServiceTest;
import io.localdps.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The simulated hubs on a real database, emptied before every test, with two hubs linked. */
@ServiceTest
abstract class HubTestBase {

    static final String HUB_A = "hub-a.azure-devices.net";
    static final String HUB_B = "hub-b.azure-devices.net";

    @Autowired
    SimulatedIotHubRegistry registry;
    @Autowired
    HubDeviceService hubDevices;
    @Autowired
    LinkedHubService hubs;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startWithTwoEmptyLinkedHubs() {
        TestData.deleteEnrollmentsAndHubs(jdbc);
        hubs.link(HUB_A, LinkedHubSettings.defaults());
        hubs.link(HUB_B, LinkedHubSettings.defaults());
    }

    long rowsInHubDeviceTable() {
        return jdbc.sql("SELECT COUNT(*) FROM hub_device").query(Long.class).single();
    }

    DeviceTwin twinOf(String hub, String deviceId) {
        return registry.getTwin(hub, deviceId).orElseThrow();
    }

    DeviceRecord deviceIn(String hub, String deviceId) {
        return registry.findDevice(hub, deviceId).orElseThrow();
    }
}
