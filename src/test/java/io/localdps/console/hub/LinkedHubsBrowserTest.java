package io.localdps.console.hub;

import io.localdps.console.BrowserTest;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class LinkedHubsBrowserTest extends BrowserTest {

    @Autowired
    LinkedHubService hubs;
    @Autowired
    EnrollmentGroupService groups;

    @Test
    void anAdminLinksAHubEditsItsWeightAndIsToldWhichEnrollmentsUseItBeforeUnlinking() {
        open("linked-hubs");
        button("Add").click();
        field("IoT hub host name").fill("bad_host.azure-devices.net");
        button("Save").click();
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("not a valid part of a host name");

        field("IoT hub host name").fill("Hub-North.azure-devices.net");
        field("Allocation weight").fill("1001");
        button("Save").click();
        assertThat(page.locator("vaadin-integer-field[invalid]")).containsText("from 1 to 1000");
        field("Allocation weight").fill("250");
        field("Location (region)").fill("northeurope");
        button("Save").click();
        assertNotification("Linked hub-north.azure-devices.net");
        assertThat(page.locator("#linked-hubs-grid")).containsText("hub-north.azure-devices.net");
        assertThat(page.locator("#linked-hubs-grid")).containsText("250");

        page.locator("#linked-hubs-grid").getByText("hub-north.azure-devices.net").click();
        field("Allocation weight").fill("300");
        page.getByRole(com.microsoft.playwright.options.AriaRole.CHECKBOX, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Apply allocation policy")).uncheck();
        button("Save").click();
        assertNotification("Saved hub-north.azure-devices.net");
        assertThat(hubs.find("hub-north.azure-devices.net").orElseThrow().allocationWeight()).isEqualTo(300);
        assertThat(hubs.find("hub-north.azure-devices.net").orElseThrow().applyAllocationPolicy()).isFalse();
        screenshot("linked-hubs");

        groups.create("uses-north", Attestation.symmetricKey(null, null), new EnrollmentSettings(null, null, null,
                TargetHubs.of("hub-north.azure-devices.net"), null, false, null));
        selectRow("linked-hubs-grid", "hub-north.azure-devices.net");
        button("Delete").click();
        assertThat(page.getByText("enrollment group uses-north")).isVisible();
        button("No").click();
        assertThat(hubs.isLinked("hub-north.azure-devices.net")).isTrue();

        button("Delete").click();
        button("Yes, delete").click();
        assertNotification("Unlinked 1 hub");
        assertThat(page.locator("#linked-hubs-grid").getByText("hub-north.azure-devices.net")).isHidden();
        assertThat(hubs.isLinked("hub-north.azure-devices.net")).isFalse();
    }

    @Test
    void linkingTheSameHostNameTwiceIsRefusedAtTheField() {
        hubs.link("twice.azure-devices.net", LinkedHubSettings.defaults());
        open("linked-hubs");
        button("Add").click();
        field("IoT hub host name").fill("TWICE.azure-devices.net");
        button("Save").click();
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("already linked");
    }
}
