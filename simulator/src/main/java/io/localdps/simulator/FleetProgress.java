package io.localdps.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A consistent-enough snapshot of a running (or finished) fleet, cheap to take (counters only),
 * e.g. once a second for a progress bar.
 *
 * @param total                  devices in the plan
 * @param started                devices that began connecting
 * @param inFlight               started and not yet finished
 * @param done                   finished, with any status (stopped devices included)
 * @param assigned               finished {@code assigned}
 * @param failed                 finished {@code failed}
 * @param disabled               finished {@code disabled}
 * @param errors                 finished {@code error}
 * @param stopped                finished {@code stopped} (never started, or cut short by stop)
 * @param throttled              429 answers received (each one made a device back off and retry)
 * @param perHub                 assigned devices per hub host name, sorted by host name
 * @param latency                latency histogram of finished devices (display buckets)
 * @param p50Millis              median latency of assigned devices
 * @param p95Millis              95th percentile
 * @param p99Millis              99th percentile
 * @param elapsed                since the run started (until it finished, once finished)
 * @param registrationsPerSecond assigned devices per second of {@code elapsed}
 * @param running                false once every device is done
 */
public record FleetProgress(int total, int started, int inFlight, int done, int assigned, int failed, int disabled,
                            int errors, int stopped, long throttled, Map<String, Long> perHub,
                            List<LatencyHistogram.LatencyBucket> latency, long p50Millis, long p95Millis, long p99Millis,
                            Duration elapsed, double registrationsPerSecond, boolean running) {

    /** Progress 0..1 for a progress bar. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    /** Finished devices per status label ({@code assigned}, {@code failed}, ...), statuses with 0 included. */
    public Map<String, Integer> perStatus() {
        return Map.of(DeviceStatus.ASSIGNED.label(), assigned, DeviceStatus.FAILED.label(), failed,
                DeviceStatus.DISABLED.label(), disabled, DeviceStatus.ERROR.label(), errors,
                DeviceStatus.STOPPED.label(), stopped);
    }
}
