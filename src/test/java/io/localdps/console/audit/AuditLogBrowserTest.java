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

        row.click();
        assertHeading("Linked IoT hub audited-hub.azure-devices.net created");
        assertThat(page.locator("#audit-after")).containsText("\"allocationWeight\" : 42");
        screenshot("audit-log");
        button("Close").click();
    }
}
