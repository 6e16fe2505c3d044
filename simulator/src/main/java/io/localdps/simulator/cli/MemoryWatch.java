package io.localdps.simulator.cli;

import io.localdps.simulator.FleetProgress;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The simulator's own memory during a run ({@code --report-memory}): the peak heap in use
 * (sampled at each progress tick), the heap in use right after one full GC at mid-run (what the
 * live devices really hold), and the process's peak resident set (Linux {@code VmHWM}).
 */
final class MemoryWatch {

    private static final long MB = 1024 * 1024;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long peakHeap;
    private long midRunHeapAfterGc = -1;
    private int inFlightAtGc;

    void sample(FleetProgress progress) {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        if (midRunHeapAfterGc < 0 && progress.done() >= progress.total() / 2 && progress.inFlight() > 0) {
            System.gc();
            midRunHeapAfterGc = memory.getHeapMemoryUsage().getUsed();
            inFlightAtGc = progress.inFlight();
        }
    }

    void print(PrintStream out) {
        System.gc();
        long endHeap = memory.getHeapMemoryUsage().getUsed();
        out.printf(Locale.ROOT, "  memory      heap after GC at mid-run %s (%d devices in flight), peak heap used %d MB (sampled), "
                        + "heap after GC at the end %d MB (all outcomes kept), max heap %d MB, peak RSS %s%n",
                midRunHeapAfterGc < 0 ? "n/a" : midRunHeapAfterGc / MB + " MB", inFlightAtGc, peakHeap / MB, endHeap / MB,
                memory.getHeapMemoryUsage().getMax() / MB, peakResidentSet());
    }

    /** VmHWM of /proc/self/status, or "n/a" off Linux. */
    private static String peakResidentSet() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kilobytes = Long.parseLong(line.substring(6).replace("kB", "").strip());
                    return kilobytes / 1024 + " MB (VmHWM)";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }
}
