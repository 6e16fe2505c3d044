package io.localdps.simulation;

import java.util.List;
import java.util.Map;

/**
 * A live picture of one run, taken each time the console polls.
 *
 * @param devicesPerHub   assigned devices by hub host name
 * @param predictedShares the share (0..1) of devices each hub should get by the allocation weights; empty when unknown
 * @param latency         how many finished devices took how long, in ascending buckets
 * @param ended           true once every device finished, the run was stopped or its preparation failed
 * @param note            what the run is preparing, or why its preparation failed; null once the devices run
 */
public record RunProgress(int total, int assigned, int failed, int throttled, int inFlight, int finished,
                          boolean ended, boolean stopped, long elapsedMillis, Map<String, Integer> devicesPerHub,
                          Map<String, Double> predictedShares, List<LatencyBucket> latency, String note) {

    /** Finished devices as a fraction of all, for the progress bar. */
    public double fraction() {
        return total == 0 ? 1 : (double) finished / total;
    }

    /** Devices whose total time fell in [{@code fromMillis}, {@code toMillis}); {@code toMillis} is -1 for the last bucket. */
    public record LatencyBucket(long fromMillis, long toMillis, int devices) {

        /** Short enough for a narrow column: "< 10 ms", "10–20 ms", "500 ms–1 s", "≥ 60 s". */
        public String label() {
            if (toMillis < 0) {
                return "≥ " + format(fromMillis);
            }
            if (fromMillis == 0) {
                return "< " + format(toMillis);
            }
            boolean sameUnit = (fromMillis >= 1000) == (toMillis >= 1000);
            return sameUnit ? number(fromMillis) + "–" + format(toMillis) : format(fromMillis) + "–" + format(toMillis);
        }

        private static String format(long millis) {
            return number(millis) + (millis >= 1000 ? " s" : " ms");
        }

        private static String number(long millis) {
            return millis >= 1000 ? Long.toString(millis / 1000) : Long.toString(millis);
        }
    }
}
