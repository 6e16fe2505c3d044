package io.localdps.console.enrollment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.console.BrowserTest;
import io.localdps.enrollment.EnrollmentGroupService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.localdps.enrollment.EnrollmentFixtures.symmetricKeyGroup;
import static org.assertj.core.api.Assertions.assertThat;

/** Every field says what is wrong with bad input, at the field, and nothing is saved. */
class EnrollmentBadInputBrowserTest extends BrowserTest {

    @Autowired
    EnrollmentGroupService groups;

    @Test
    void theGroupWizardShowsEachProblemAtItsFieldAndSavesNothing() {
        long before = groups.count();
        open("enrollments/groups/new");
        radio("Symmetric key").click();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Generate symmetric keys automatically")).uncheck();
        field("Primary key").fill("this is not base64!");
        field("Secondary key").fill("c2hvcnQ=");
        field("Group name").fill("bad name!");
        button("Next: IoT hubs").click();
        assertInvalid("Group name", "may contain only letters, digits and - . _ :");
        assertInvalid("Primary key", "must be valid base64");
        assertInvalid("Secondary key", "must decode to 16 to 64 bytes; this one has 5");
        screenshot("group-wizard-field-errors");

        field("Group name").fill("bad-input-group");
        field("Primary key").fill(SymmetricKeys.generate());
        field("Secondary key").fill(SymmetricKeys.generate());
        button("Next: IoT hubs").click();
        radio("Custom (webhook)").click();
        field("Webhook URL").fill("ftp://alloc.example.com");
        button("Next: Device settings").click();
        assertInvalid("Webhook URL", "absolute http:// or https:// URL");
        field("Webhook URL").fill("https://alloc.example.com/api/allocate");
        button("Next: Device settings").click();

        field("Device tags").fill("{\n  \"site\": \"plant-a\",\n  \"line\": \n}");
        field("Desired properties").fill("[1, 2]");
        button("Next: Review + create").click();
        assertInvalid("Device tags", "Not valid JSON at line 4, column 1");
        assertInvalid("Desired properties", "Must be a JSON object");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Review + create")).click();
        button("Create").click();
        assertNotification("Some fields need your attention");
        assertThat(groups.count()).isEqualTo(before);
        assertThat(groups.find("bad-input-group")).isEmpty();
    }

    @Test
    void aDuplicateGroupNameIsReportedAtTheNameFieldIgnoringCase() {
        symmetricKeyGroup(groups, "Taken-Name");
        open("enrollments/groups/new");
        radio("Symmetric key").click();
        field("Group name").fill("taken-name");
        button("Next: IoT hubs").click();
        button("Next: Device settings").click();
        button("Next: Review + create").click();
        button("Create").click();
        assertInvalid("Group name", "already exists");
    }

    @Test
    void aFileThatIsNotACertificateIsRefusedWithTheReason() {
        open("enrollments/individual/new");
        radio("X.509 client certificates").click();
        uploadCertificate("Primary certificate", "notes.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        assertThat(page.locator("vaadin-custom-field[invalid]")).containsText("not a certificate");
        field("Registration ID").fill("no-cert-device");
        button("Next: IoT hubs").click();
        assertThat(page.locator("vaadin-custom-field[invalid]")).containsText("not a certificate");
    }

    @Test
    void theGroupDetailsComputeTheDeviceKeyAnAzureDeviceWouldDerive() {
        var group = symmetricKeyGroup(groups, "derive-keys");
        open("enrollments/groups/derive-keys");
        field("Device registration ID").fill("sn-007-888-abc-mac-a1-b2-c3-d4-e5-f6");
        button("Compute device key").click();
        button("Show derived primary key").click();
        assertThat(field("Derived primary key")).hasValue(SymmetricKeys.deriveDeviceKey(
                group.attestation().symmetricKey().primaryKey(), "sn-007-888-abc-mac-a1-b2-c3-d4-e5-f6"));

        field("Device registration ID").fill("bad id!");
        button("Compute device key").click();
        assertInvalid("Device registration ID", "may contain only");
    }

    private void assertInvalid(String label, String message) {
        Locator host = page.locator("[invalid]").filter(new Locator.FilterOptions().setHas(
                page.getByLabel(label, new Page.GetByLabelOptions().setExact(true))));
        assertThat(host.first()).containsText(message);
    }

    private Locator radio(String name) {
        return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
