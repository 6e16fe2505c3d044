package io.localdps.console.enrollment;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.console.BrowserTest;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ProvisioningStatus;
import io.localdps.enrollment.ReprovisionPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.localdps.enrollment.EnrollmentFixtures.symmetricKeyDevice;
import static io.localdps.enrollment.EnrollmentFixtures.symmetricKeyGroup;
import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentEditingBrowserTest extends BrowserTest {

    @Autowired
    EnrollmentGroupService groups;
    @Autowired
    IndividualEnrollmentService individuals;

    @Test
    void anAdminDisablesAnIndividualEnrollmentAndGivesItADeviceId() {
        symmetricKeyDevice(individuals, "edit-me-01");
        open("enrollments?tab=individual");
        page.locator("#individual-enrollments-grid").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("edit-me-01")).click();

        assertHeading("edit-me-01");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Enable this enrollment")).uncheck();
        field("IoT Hub Device ID").fill("plant-a edit-me");
        button("Save").click();
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("may contain only");

        field("IoT Hub Device ID").fill("plant-a-edit-me");
        button("Save").click();
        assertNotification("Saved individual enrollment edit-me-01");

        IndividualEnrollment saved = individuals.get("edit-me-01");
        assertThat(saved.settings().provisioningStatus()).isEqualTo(ProvisioningStatus.DISABLED);
        assertThat(saved.effectiveDeviceId()).isEqualTo("plant-a-edit-me");
        assertThat(saved.version()).isGreaterThan(0);
        screenshot("individual-details");
    }

    @Test
    void whenTwoAdminsEditTheSameGroupTheSecondSaveIsRefusedAndTheFirstChangeSurvives() {
        symmetricKeyGroup(groups, "shared-group");
        BrowserContext otherAdmin = newContext();
        Page other = otherAdmin.newPage();
        signIn(other);

        open("enrollments/groups/shared-group");
        open(other, "enrollments/groups/shared-group");

        radio(page, "Never reprovision device").click();
        button("Save").click();
        assertNotification("Saved enrollment group shared-group");

        other.getByLabel("Device tags", new Page.GetByLabelOptions().setExact(true)).fill("{\"owner\": \"second admin\"}");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(other.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Someone else changed the enrollment group shared-group"))).isVisible();
        otherAdmin.close();

        var saved = groups.get("shared-group");
        assertThat(saved.settings().reprovisionPolicy()).isEqualTo(ReprovisionPolicy.NEVER);
        assertThat(saved.settings().initialTwin().tags().isEmpty()).isTrue();
    }

    @Test
    void deletingSelectedGroupsAsksFirstAndKeepsTheOthers() {
        symmetricKeyGroup(groups, "delete-a");
        symmetricKeyGroup(groups, "keep-b");
        open("enrollments");
        assertThat(page.locator("#enrollment-groups-grid")).containsText("keep-b");
        screenshot("enrollments");
        page.getByLabel("Filter enrollment groups by name").fill("delete-a");
        assertThat(page.locator("#enrollment-groups-grid").getByText("keep-b")).isHidden();
        selectRow("enrollment-groups-grid", "delete-a");
        button("Delete").click();
        assertThat(page.getByText("Registration records are kept")).isVisible();
        button("No").click();
        assertThat(groups.find("delete-a")).isPresent();

        button("Delete").click();
        button("Yes, delete").click();
        assertNotification("Deleted 1 enrollment group");
        assertThat(groups.find("delete-a")).isEmpty();
        assertThat(groups.find("keep-b")).isPresent();
    }

    private static Locator radio(Page target, String name) {
        return target.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
