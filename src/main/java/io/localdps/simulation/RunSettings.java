package io.localdps.simulation;

/**
 * What an admin chooses for a fleet run. Validated by {@link SimulationRules}; a run keeps its
 * settings so "Run again" registers the same devices again.
 *
 * @param count               number of devices, 1 to {@link SimulationRules#MAX_DEVICES}
 * @param registrationIds     pattern with {@code {n}} (or zero-padded {@code {n:05}}) for the device number
 * @param ratePerSecond       devices starting per second for {@link Arrival#STEADY_RATE} and the end rate of {@link Arrival#RAMP}
 * @param rampSeconds         how long {@link Arrival#RAMP} takes to reach the rate
 * @param concurrency         at most this many registrations in flight at once
 * @param payloadTemplate     JSON sent as the registration payload, may use {@code {id}} and {@code {n}}; blank for none
 */
public record RunSettings(
        SimulationTarget target,
        Integer count,
        String registrationIds,
        Protocol protocol,
        Arrival arrival,
        Integer ratePerSecond,
        Integer rampSeconds,
        Integer concurrency,
        String payloadTemplate) {

    public enum Protocol {
        MQTT5("MQTT 5"), MQTT311("MQTT 3.1.1"), HTTPS("HTTPS");

        private final String label;

        Protocol(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Arrival {
        ALL_AT_ONCE("All at once"), STEADY_RATE("Steady rate"), RAMP("Ramp with jitter");

        private final String label;

        Arrival(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The console's starting values: a small fleet over MQTT 5, all at once. */
    public static RunSettings defaults(SimulationTarget target) {
        return new RunSettings(target, 100, "sim-{n:05}", Protocol.MQTT5, Arrival.ALL_AT_ONCE, 50, 10, 50, "");
    }

    public RunSettings withTarget(SimulationTarget newTarget) {
        return new RunSettings(newTarget, count, registrationIds, protocol, arrival, ratePerSecond, rampSeconds,
                concurrency, payloadTemplate);
    }
}
