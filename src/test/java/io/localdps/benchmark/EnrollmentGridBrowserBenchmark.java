package io.localdps.benchmark;

import io.localdps.console.BrowserTest;
import io.localdps.enrollment.IndividualEnrollmentService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The console's individual enrollment grid with 100,000 rows on H2, measured in Chromium: opening
 * the page, jumping to the middle, and filtering. Run with ./benchmark.sh grid.
 */
@Tag("benchmark")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:grid-benchmark;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")
class EnrollmentGridBrowserBenchmark extends BrowserTest {

    private static final com.microsoft.playwright.Locator.GetByTextOptions EXACT =
            new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IndividualEnrollmentService enrollments;

    @Test
    void printsGridTimesFor100kEnrollments() {
        EnrollmentTableFiller.fill(jdbc, 100_000);
        GridTimings.print("H2 (embedded, in memory)", enrollments, 100_000);

        System.out.printf("%n== The same grid in Chromium (wall clock, includes the browser) ==%n");
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            open("enrollments?tab=individual");
            assertThat(page.locator("#individual-enrollments-grid").getByText("bench-device-000000", EXACT).first()).isVisible();
            long opened = System.nanoTime();
            page.evaluate("document.querySelector('#individual-enrollments-grid').scrollToIndex(50000)");
            assertThat(page.locator("#individual-enrollments-grid").getByText("bench-device-050000", EXACT).first()).isVisible();
            long scrolled = System.nanoTime();
            page.getByLabel("Filter individual enrollments by name").fill("device-07777");
            assertThat(page.locator("#individual-enrollments-grid").getByText("bench-device-077770", EXACT).first()).isVisible();
            long filtered = System.nanoTime();
            System.out.printf("  run %d: open page with first rows %6.0f ms | jump to row 50,000 %5.0f ms | filter %5.0f ms%n",
                    run + 1, (opened - start) / 1e6, (scrolled - opened) / 1e6, (filtered - scrolled) / 1e6);
        }
    }
}
