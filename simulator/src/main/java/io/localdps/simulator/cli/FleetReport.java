package io.localdps.simulator.cli;

import io.localdps.simulator.DeviceOutcome;
import io.localdps.simulator.DeviceStatus;
import io.localdps.simulator.FleetProgress;
import io.localdps.simulator.FleetRun;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lines the command line prints: one progress line, and the final summary. */
public final class FleetReport {

    private FleetReport() {
    }

    /** One line such as {@code [  4.0 s] 412/1000 done: 400 assigned, 0 failed, ... 137.2 registrations/s}. */
    public static String progressLine(FleetProgress progress) {
        return String.format(Locale.ROOT, "[%6.1f s] %d/%d done: %d assigned, %d failed, %d disabled, %d errors, %d stopped;"
                        + " %d in flight, %d throttled; %.1f registrations/s",
                progress.elapsed().toMillis() / 1000.0, progress.done(), progress.total(), progress.assigned(), progress.failed(),
                progress.disabled(), progress.errors(), progress.stopped(), progress.inFlight(), progress.throttled(),
                progress.registrationsPerSecond());
    }

    /** The summary: counts per status and per hub, latency percentiles, rate, and the first errors. */
    public static void printSummary(FleetRun run, FleetProgress progress, PrintStream out) {
        out.printf(Locale.ROOT, "== Fleet: %d devices, %s, %s attestation, %s%n", progress.total(), run.plan().protocol().label(),
                run.plan().attestation().kind(), run.plan().endpoint().host());
        out.printf(Locale.ROOT, "  status      assigned %d, failed %d, disabled %d, error %d, stopped %d%n", progress.assigned(),
                progress.failed(), progress.disabled(), progress.errors(), progress.stopped());
        out.printf(Locale.ROOT, "  throttled   %d answers 429 (each made a device back off and retry)%n", progress.throttled());
        for (Map.Entry<String, Long> hub : progress.perHub().entrySet()) {
            out.printf(Locale.ROOT, "  hub         %-50s %6d  %5.1f%%%n", hub.getKey(), hub.getValue(),
                    progress.assigned() == 0 ? 0 : 100.0 * hub.getValue() / progress.assigned());
        }
        out.printf(Locale.ROOT, "  latency     p50 %d ms, p95 %d ms, p99 %d ms (assigned devices, connect to assignment)%n",
                progress.p50Millis(), progress.p95Millis(), progress.p99Millis());
        out.printf(Locale.ROOT, "  rate        %.1f registrations/s over %.2f s%n", progress.registrationsPerSecond(),
                progress.elapsed().toMillis() / 1000.0);
        List<DeviceOutcome> problems = run.outcomes().stream()
                .filter(o -> o.status() != DeviceStatus.ASSIGNED && o.status() != DeviceStatus.STOPPED).limit(5).toList();
        for (DeviceOutcome problem : problems) {
            out.printf(Locale.ROOT, "  %-11s %s: %s%n", problem.status().label(), problem.registrationId(), problem.error());
        }
    }
}
