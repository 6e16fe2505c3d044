package io.localdps.console.audit;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.console.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class AuditLogBrowserTest extends BrowserTest {

    @Test
    void aHubLinkedInTheConsoleAppearsInTheAuditLogUnderTheAdminWithItsDetails() {
        open("linked-hubs");
        button("Add").click();
        field("IoT hub host name").fill("audited-hub.azure-devices.net");
        field("Allocation weight").fill("42");
        button("Save").click();
        assertNotification("Linked audited-hub.azure-devices.net");

        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Audit log")).click();
        waitForVaadin(page);
        assertHeading("Audit log");
        field("Contains").fill("audited-hub");
        Locator row = page.locator("#audit-log-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("audited-hub.azure-devices.net").setVisible(true)).first();
        assertThat(row).isVisible();
        assertThat(page.locator("#audit-log-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(ADMIN).setVisible(true)).first()).hasText(ADMIN);
        assertThat(page.locator("#audit-log-grid")).containsText("allocationWeight: 42");

        pickTime("audit-from", "1/2/2030");
        pickTime("audit-until", "1/1/2030");
        assertThat(page.locator("[slot=error-message]").filter(new Locator.FilterOptions()
                .setHasText("Must be later than From.")).first()).isVisible();
        assertThat(row).isHidden();
        page.reload();
        waitForVaadin(page);
        field("Contains").fill("audited-hub");
        row = page.locator("#audit-log-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("audited-hub.azure-devices.net").setVisible(true)).first();

        row.click();
        assertHeading("Linked IoT hub audited-hub.azure-devices.net created");
        assertThat(page.locator("#audit-after")).containsText("\"allocationWeight\" : 42");
        screenshot("audit-log");
        button("Close").click();
    }

    /** Types a date and midnight into the date-time picker with this ID (its date input comes first, then its time input). */
    private void pickTime(String id, String date) {
        Locator inputs = page.locator("#" + id + " input");
        inputs.nth(0).fill(date);
        inputs.nth(0).press("Enter");
        inputs.nth(1).fill("00:00");
        inputs.nth(1).press("Enter");
        waitForVaadin(page);
    }
}
