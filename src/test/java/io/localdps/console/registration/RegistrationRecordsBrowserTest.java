package io.localdps.console.registration;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.common.Json;
import io.localdps.console.BrowserTest;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.registration.DeviceCredentials;
import io.localdps.registration.DeviceRegistrations;
import io.localdps.registration.DeviceRequest;
import io.localdps.registration.DeviceTokens;
import io.localdps.registration.RegistrationRecordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationRecordsBrowserTest extends BrowserTest {

    @Autowired DeviceRegistrations registrations;
    @Autowired InstanceService instance;
    @Autowired EnrollmentGroupService groups;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired LinkedHubService hubs;
    @Autowired RegistrationRecordService records;

    @Test
    void anAdminSeesWhichDevicesRegisteredWhyOneFailedAndDeletesARecord() {
        String hub = "records-hub.azure-devices.net";
        if (!hubs.isLinked(hub)) {
            hubs.link(hub, LinkedHubSettings.defaults());
        }
        EnrollmentSettings onHub = new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hub), null, false, null);
        var group = groups.create("records-line", Attestation.symmetricKey(null, null), onHub);
        String groupKey = group.attestation().symmetricKey().primaryKey();
        register("records-dev-1", SymmetricKeys.deriveDeviceKey(groupKey, "records-dev-1"));
        register("records-dev-2", SymmetricKeys.deriveDeviceKey(groupKey, "records-dev-2"));
        individuals.create("records-wrong-key", null, Attestation.symmetricKey(null, null), onHub);
        register("records-wrong-key", SymmetricKeys.generate());
        awaitAssigned("records-dev-1");
        awaitAssigned("records-dev-2");

        open("registrations");
        var grid = page.locator("#registration-records-grid");
        assertThat(grid).containsText("records-dev-1");
        assertThat(grid).containsText(hub);
        screenshot("registration-records");

        page.getByLabel("Filter records by status").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("failed")).click();
        // only the refused device is left: the grid's size comes from the filtered count
        page.waitForFunction("document.querySelector('#registration-records-grid').size === 1");
        grid.getByText("records-wrong-key", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).first().click();
        assertThat(page.locator("#record-attempts")).containsText("signature matches none of the keys");
        screenshot("registration-record-details");
        button("Close").click();

        open("enrollments/groups/records-line");
        assertThat(page.locator("#group-records-grid")).containsText("records-dev-2");
        selectRow("group-records-grid", "records-dev-2");
        page.locator("#group-records-grid").locator("xpath=..").getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Delete")).click();
        button("Yes, delete").click();
        assertNotification("Deleted 1 registration record");
        assertThat(records.find("records-dev-2")).isEmpty();
        assertThat(records.find("records-dev-1")).isPresent();
    }

    private void register(String id, String key) {
        registrations.register(new DeviceRequest(instance.idScope(), id, "2021-06-01",
                new DeviceCredentials.SasToken(DeviceTokens.sas(instance.idScope(), id, key)),
                ("{\"registrationId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), DeviceRequest.Transport.MQTT, null));
    }

    private void awaitAssigned(String id) {
        for (int i = 0; i < 250; i++) {
            if (records.find(id).map(r -> r.status().wireName().equals("assigned")).orElse(false)) {
                return;
            }
            page.waitForTimeout(20);
        }
        throw new AssertionError(id + " was never assigned: " + records.find(id).map(Json::write).orElse("no record"));
    }
}
