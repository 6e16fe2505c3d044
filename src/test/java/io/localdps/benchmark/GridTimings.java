package io.localdps.benchmark;

import io.localdps.common.PageRequest;
import io.localdps.enrollment.EnrollmentFilter;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ProvisioningStatus;

import java.util.Arrays;
import java.util.function.Supplier;

/** Times the queries behind one grid page, as the console issues them (50 rows a page). */
final class GridTimings {

    private static final int RUNS = 15;

    private GridTimings() {
    }

    static void print(String database, IndividualEnrollmentService enrollments, int rows) {
        System.out.printf("%n== Individual enrollment grid, %,d rows, %s (median of %d runs after warm-up) ==%n",
                rows, database, RUNS);
        time("first page, sorted by registration ID", () -> enrollments.page(EnrollmentFilter.none(),
                new PageRequest(0, 50, "registrationId", true)));
        time("page at row 50,000", () -> enrollments.page(EnrollmentFilter.none(),
                new PageRequest(50_000, 50, "registrationId", true)));
        time("last page, sorted by last updated desc", () -> enrollments.page(EnrollmentFilter.none(),
                new PageRequest(rows - 50, 50, "updated", false)));
        time("filter 'device-0999' (contains), first page", () -> enrollments.page(
                new EnrollmentFilter("device-0999", null, null), new PageRequest(0, 50, null, true)));
        time("filter status disabled, page at row 10,000", () -> enrollments.page(
                new EnrollmentFilter(null, null, ProvisioningStatus.DISABLED), new PageRequest(10_000, 50, null, true)));
        time("count (the grid's size)", () -> enrollments.count(EnrollmentFilter.none()));
        time("count with 'device-0999' filter", () -> enrollments.count(new EnrollmentFilter("device-0999", null, null)));
    }

    private static void time(String label, Supplier<?> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("  %-48s %8.1f ms   (p90 %.1f ms)%n", label, millis[RUNS / 2], millis[(int) (RUNS * 0.9)]);
    }
}
