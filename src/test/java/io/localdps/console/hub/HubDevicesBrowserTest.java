package io.localdps.console.hub;

import com.microsoft.playwright.Locator;
import io.localdps.console.BrowserTest;
import io.localdps.hub.DeviceAuthentication;
import io.localdps.hub.DeviceIdentity;
import io.localdps.hub.HubDeviceFixtures;
import io.localdps.hub.HubDeviceService;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.hub.SimulatedIotHubRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class HubDevicesBrowserTest extends BrowserTest {

    private static final String HUB = "devices-west.azure-devices.net";
    private static final String OTHER_HUB = "devices-east.azure-devices.net";
    /** Characters IoT Hub allows in device IDs that mean something in a URL. */
    private static final String AWKWARD_ID = "pump#1?v=2%+'";

    @Autowired
    LinkedHubService hubs;
    @Autowired
    SimulatedIotHubRegistry registry;
    @Autowired
    HubDeviceService hubDevices;

    @Test
    void devicesDpsWroteIntoAHubAreListedShownWithTheirTwinAndDeletedAfterConfirmation() {
        hubs.link(HUB, LinkedHubSettings.defaults());
        hubs.link(OTHER_HUB, LinkedHubSettings.defaults());
        registry.createOrUpdateDevice(HUB, HubDeviceFixtures.sasDevice("thermostat-1"));
        registry.replaceTwin(HUB, "thermostat-1", HubDeviceFixtures.twin("{\"site\": \"plant-a\"}", "{\"interval\": 30}"));
        registry.createOrUpdateDevice(HUB, DeviceIdentity.enabled("camera-1",
                DeviceAuthentication.selfSigned(HubDeviceFixtures.THUMBPRINT_1, null), true));
        registry.createOrUpdateDevice(HUB, HubDeviceFixtures.sasDevice(AWKWARD_ID));
        registry.createOrUpdateDevice(OTHER_HUB, HubDeviceFixtures.sasDevice("elsewhere-1"));

        open("linked-hubs");
        page.getByLabel("Devices of " + HUB).click();
        Locator grid = page.locator("#hub-devices-grid");
        assertThat(grid).containsText("thermostat-1");
        assertThat(grid).containsText("X.509 self-signed");
        assertThat(grid).containsText(AWKWARD_ID);
        assertThat(grid).not().containsText("elsewhere-1");
        screenshot("hub-devices");

        page.getByLabel("Filter by device ID").fill("THERMO");
        assertThat(cell("camera-1")).isHidden();
        waitForVaadin(page);
        cell("thermostat-1").click();

        assertHeading("thermostat-1");
        assertThat(page.locator("#device-identity")).containsText("Symmetric key");
        Locator twin = page.locator("#device-twin");
        assertThat(twin).containsText("\"site\" : \"plant-a\"");
        assertThat(twin).containsText("\"interval\" : 30");
        assertThat(twin).containsText("\"$version\" : 2");
        assertThat(field("Primary key")).not().hasValue(HubDeviceFixtures.KEY_1);
        screenshot("hub-device");
        button("Show primary key").click();
        assertThat(field("Primary key")).hasValue(HubDeviceFixtures.KEY_1);

        button("Delete").click();
        button("No").click();
        assertThat(hubDevices.details(HUB, "thermostat-1")).isPresent();
        button("Delete").click();
        button("Yes, delete").click();
        assertNotification("Deleted device thermostat-1");
        assertThat(page.locator("#hub-devices-grid")).containsText("camera-1");
        assertThat(cell("thermostat-1")).isHidden();
        assertThat(hubDevices.details(HUB, "thermostat-1")).isEmpty();

        waitForVaadin(page);
        cell(AWKWARD_ID).click();
        assertHeading(AWKWARD_ID);
        assertThat(page.locator("#device-identity")).containsText(HUB);
        // The deep link survives a reload: wait until the address bar carries the ID before reloading.
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/device\\?id=pump%231.*"));
        page.reload();
        waitForVaadin(page);
        assertHeading(AWKWARD_ID);
    }

    /** The grid keeps cells of rows it no longer shows; only the visible one is the row's. */
    private Locator cell(String text) {
        return page.locator("#hub-devices-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text).setVisible(true));
    }
}
