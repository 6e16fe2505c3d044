package io.localdps.console.networking;

import io.localdps.console.BrowserTest;
import io.localdps.networking.FilterAction;
import io.localdps.networking.FilterTarget;
import io.localdps.networking.IpFilterRule;
import io.localdps.networking.NetworkChange;
import io.localdps.networking.NetworkingService;
import io.localdps.networking.PublicNetworkAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin restricts the service API to a corporate range: a mistyped CIDR is caught at the
 * field, the address tester names the deciding rule, and saving rules that reject the admin's own
 * address (the loopback address here) asks for confirmation first.
 */
class NetworkingBrowserTest extends BrowserTest {

    @Autowired
    NetworkingService networking;

    /** The browser tests share one server: leave it open for the others. */
    @AfterEach
    void openEverythingAgain() {
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, List.of()), networking.settings().version(), null, false);
    }

    @Test
    void anAdminAddsRulesFixesAMistypedRangeTestsAnAddressAndConfirmsSavingRulesThatRejectTheirOwnAddress() {
        open("networking");
        assertHeading("Networking");
        page.getByText("Selected IP ranges", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).click();

        button("Add IP filter rule").click();
        field("Rule 1 name").fill("AllowCorp");
        field("Rule 1 address range").fill("10.0.0.0/33");
        field("Rule 1 address range").press("Tab");
        assertThat(page.locator("vaadin-text-field[invalid] [slot=error-message]").first()).containsText("0 to 32");
        field("Rule 1 address range").fill("10.0.0.0/8");
        field("Rule 1 address range").press("Tab");
        assertThat(page.locator("vaadin-text-field[invalid]")).hasCount(0);

        button("Add IP filter rule").click();
        field("Rule 2 name").fill("BlockOthers");
        field("Rule 2 address range").fill("0.0.0.0/0");
        choose("Rule 2 action", "Block");
        choose("Rule 2 target", "Service API");

        field("Address to test").fill("198.51.100.7");
        page.locator("vaadin-radio-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Service API")).click();
        button("Test").click();
        assertThat(page.locator("#address-test-result")).containsText("Rejected by rule 2 \"BlockOthers\"");
        field("Address to test").fill("10.20.30.40");
        button("Test").click();
        assertThat(page.locator("#address-test-result")).containsText("Accepted by rule 1 \"AllowCorp\"");
        screenshot("networking");

        button("Save").click();
        assertHeading("Save networking settings?");
        assertThat(page.getByText("These rules reject your own address").first()).isVisible();
        button("Save anyway").click();
        assertNotification("Networking settings saved");

        assertThat(networking.settings().ipFilterRules()).containsExactly(
                new IpFilterRule("AllowCorp", FilterAction.ACCEPT, "10.0.0.0/8", FilterTarget.ALL),
                new IpFilterRule("BlockOthers", FilterAction.REJECT, "0.0.0.0/0", FilterTarget.SERVICE_API));
    }
}
