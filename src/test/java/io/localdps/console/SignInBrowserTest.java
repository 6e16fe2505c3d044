package io.localdps.console;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class SignInBrowserTest extends BrowserTest {

    @Test
    void anAdminSignsInAndSeesTheOverviewWithTheIdScope() {
        open("");
        assertThat(page.locator("#id-scope")).hasText("0ne0000AB12");
        assertThat(page.locator("#device-endpoint")).hasText("localhost");
        screenshot("overview");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheConsoleStaysLocked() {
        Page stranger = newContext().newPage();
        open(stranger, "linked-hubs");
        assertThat(stranger).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        stranger.getByLabel("Username").fill(ADMIN);
        stranger.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("not-the-password");
        stranger.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(stranger.locator("vaadin-login-form")).containsText("Incorrect username or password");
        stranger.context().close();
    }
}
