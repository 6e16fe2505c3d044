package io.localdps.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Drives the real console in Debian's Chromium through Playwright. One server (H2 in memory) is
 * shared by all browser tests, so each test uses names of its own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "dps.admin.username=" + BrowserTest.ADMIN,
        "dps.admin.password=" + BrowserTest.PASSWORD,
        "dps.id-scope=0ne0000AB12",
        "vaadin.devmode.devTools.enabled=false"
})
public abstract class BrowserTest {

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "browser-test-password-1";
    private static final Path SCREENSHOTS = Paths.get("docs", "screenshots");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        // Round-trips can take seconds on a loaded 2-core machine; assertions wait, they never sleep.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launch(playwright);
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openSignedInPage() {
        context = newContext();
        page = context.newPage();
        signIn(page);
    }

    @AfterEach
    void closeContext(org.junit.jupiter.api.TestInfo test) {
        if (context != null) {
            try {
                Path failures = Paths.get("target", "browser-screenshots");
                Files.createDirectories(failures);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(failures.resolve(test.getTestClass().map(Class::getSimpleName).orElse("")
                                + "-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("") + ".png")));
            } catch (RuntimeException | java.io.IOException e) {
                // the last picture is a debugging aid only
            }
            context.close();
        }
    }

    protected BrowserContext newContext() {
        BrowserContext created = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        created.setDefaultTimeout(15_000);
        return created;
    }

    protected void signIn(Page target) {
        open(target, "login");
        target.getByLabel("Username").fill(ADMIN);
        target.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        target.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        target.waitForURL(url -> !url.contains("/login"));
        waitForVaadin(target);
    }

    protected void open(String path) {
        open(page, path);
    }

    protected void open(Page target, String path) {
        target.navigate("http://localhost:" + port + "/" + path);
        waitForVaadin(target);
    }

    /** Waits until Vaadin's Flow client has started and finished its round-trips. */
    protected static void waitForVaadin(Page target) {
        target.waitForFunction("""
                () => {
                  const flow = window.Vaadin && window.Vaadin.Flow;
                  if (!flow || !flow.clients) return false;
                  const clients = Object.keys(flow.clients).filter(k => k !== 'TypeScript').map(k => flow.clients[k]);
                  return clients.length > 0 && clients.every(c => !c.isActive());
                }""");
    }

    protected Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    protected Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    protected Locator notification() {
        return page.locator("vaadin-notification-card");
    }

    protected void assertNotification(String text) {
        assertThat(notification().filter(new Locator.FilterOptions().setHasText(text)).first()).isVisible();
    }

    /** The page's title heading (dialog titles are headings too, so match by name). */
    protected void assertHeading(String text) {
        try {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text).setExact(true)).first()).isVisible();
        } catch (AssertionError missing) {
            throw new AssertionError("No heading '" + text + "' at " + page.url() + "; headings shown: "
                    + page.locator("h1, h2, h3").allInnerTexts(), missing);
        }
    }

    /** Opens the select with this label and picks the item showing the text. */
    protected void choose(String selectLabel, String item) {
        field(selectLabel).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item))
                .and(page.locator(":visible")).first().click();
    }

    /** Ticks the selection check box of the grid row showing the text. */
    protected void selectRow(String gridId, String text) {
        page.locator("#" + gridId + " vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text))
                .locator("xpath=preceding::vaadin-checkbox[1]").first().click();
    }

    /** Chooses a file with the given content in the certificate field labelled so. */
    protected void uploadCertificate(String fieldLabel, String fileName, String content) {
        try {
            Path dir = Files.createTempDirectory("upload");
            Path file = Files.writeString(dir.resolve(fileName), content);
            page.locator("vaadin-custom-field").filter(new Locator.FilterOptions().setHasText(fieldLabel))
                    .locator("input[type=file]").setInputFiles(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Saves a picture of the current page for the README. */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.waitForTimeout(400); // let opening dialogs and notifications finish their animation for the picture
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
