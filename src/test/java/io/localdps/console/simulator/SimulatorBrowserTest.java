package io.localdps.console.simulator;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.console.BrowserTest;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatorBrowserTest extends BrowserTest {

    private static final String NORTH = "fleet-north.azure-devices.net";
    private static final String SOUTH = "fleet-south.azure-devices.net";
    private static final String CENTRAL = "fleet-central.azure-devices.net";
    private static final int DEVICES = 80;

    @Autowired
    LinkedHubService hubs;
    @Autowired
    EnrollmentGroupService groups;

    @Test
    void aTrainerStartsAFleetWatchesItSpreadAcrossTheWeightedHubsAndDownloadsTheResults() throws IOException {
        hubs.link(NORTH, new LinkedHubSettings(1, true, null));
        hubs.link(SOUTH, new LinkedHubSettings(2, true, null));
        hubs.link(CENTRAL, new LinkedHubSettings(1, true, null));
        groups.create("fleet-demo", Attestation.symmetricKey(null, null), new EnrollmentSettings(null, null, null,
                TargetHubs.of(NORTH, SOUTH, CENTRAL), null, false, null));

        open("simulator");
        assertHeading("Simulator");
        Locator target = page.getByRole(AriaRole.COMBOBOX, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Devices enroll with"));
        target.fill("fleet-demo");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Group fleet-demo")).first().click();

        field("Number of devices").fill("200000");
        field("Registration IDs").click();
        assertThat(page.locator("vaadin-integer-field[invalid] [slot=error-message]").first())
                .hasText("A run has 1 to 100,000 devices.");
        field("Number of devices").fill(Integer.toString(DEVICES));
        field("Registration IDs").fill("fleet-{n:05}");
        field("Concurrency").fill("40");
        page.getByRole(AriaRole.RADIO, new com.microsoft.playwright.Page.GetByRoleOptions().setName("MQTT 3.1.1").setExact(true)).click();
        field("Payload template (JSON)").fill("{\"serial\": \"{id}\"");
        button("Start run").click();
        assertThat(page.locator("vaadin-text-area[invalid] [slot=error-message]").first()).containsText("not valid JSON");
        field("Payload template (JSON)").fill("{\"serial\": \"{id}\"}");
        button("Start run").click();

        assertThat(page.locator("#run-progress-text")).containsText(DEVICES + " of " + DEVICES + " devices finished (100%)",
                new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(page.locator("#count-assigned")).hasText(Integer.toString(DEVICES));
        assertThat(page.locator("#count-failed")).hasText("0");
        Locator chart = page.locator("#hub-chart");
        for (String hub : List.of(NORTH, SOUTH, CENTRAL)) {
            assertThat(chart.locator("[data-hub='" + hub + "']")).containsText("expected " + (hub.equals(SOUTH) ? 50 : 25) + "%");
        }
        Locator grid = page.locator("#results-grid");
        assertThat(grid).containsText("assigned");
        assertThat(grid).containsText("fleet-");
        screenshot("simulator");

        page.getByLabel("Registration ID contains").fill("fleet-00042");
        assertThat(grid).containsText("fleet-00042");
        assertThat(grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("fleet-00041"))
                .filter(new Locator.FilterOptions().setVisible(true))).hasCount(0);

        Download download = page.waitForDownload(() -> page.locator("#download-csv").click());
        assertThat(download.suggestedFilename()).startsWith("simulation-run-").endsWith(".csv");
        List<String> lines = Files.readAllLines(download.path());
        assertThat(lines).hasSize(DEVICES + 1);
        assertThat(lines.getFirst()).startsWith("number,registrationId,status");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",assigned,"));
        assertThat(String.join("\n", lines)).contains("fleet-00042").contains(SOUTH);

        // The same devices register once more: the reprovisioning path, with the same spread.
        button("Run again").click();
        assertThat(page.locator("#run-title")).containsText("Run 2 · " + DEVICES + " devices");
        assertThat(page.locator("#run-progress-text")).containsText(DEVICES + " of " + DEVICES + " devices finished (100%)",
                new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(page.locator("#count-assigned")).hasText(Integer.toString(DEVICES));

        // A slow, large run is stopped part-way: the devices not started end as stopped, the run as well.
        page.getByText("New run").click();
        field("Number of devices").fill("3000");
        choose("Arrival", "Steady rate");
        field("Devices per second").fill("5");
        field("Concurrency").fill("5");
        button("Start run").click();
        assertThat(page.locator("#run-title")).containsText("Run 3 · 3,000 devices");
        button("Stop").click();
        assertThat(page.locator("#run-progress-text")).containsText("stopped",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(button("Stop")).isDisabled();
        assertThat(Integer.parseInt(page.locator("#count-assigned").textContent().replace(",", ""))).isLessThan(3000);
    }
}
