package io.localdps.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a fleet run needs; immutable, so the same plan can be started again (same
 * registration IDs, which exercises re-provisioning). Build one with {@link #builder}.
 *
 * <pre>{@code
 * FleetPlan plan = FleetPlan.builder(new DpsEndpoint("localhost", 8883, 443, "0ne00ABC123", Trust.pem(caPem)),
 *                                    new Attestation.SymmetricGroup(groupKey))
 *         .protocol(Protocol.MQTT5).count(1000).idPattern("sim-{n:05}")
 *         .arrival(ArrivalProfile.steady(200)).concurrency(100).build();
 * FleetRun run = FleetSimulator.start(plan);
 * }</pre>
 *
 * @param endpoint        where to register
 * @param attestation     how devices authenticate
 * @param protocol        MQTT 5, MQTT 3.1.1 or HTTPS (TPM: HTTPS only)
 * @param count           number of devices, 1..100,000
 * @param firstNumber     the number of the first device ({@code {n}} of the pattern), usually 1
 * @param idPattern       names the devices
 * @param arrival         when devices start
 * @param concurrency     at most this many devices in flight (connected or waiting for their operation)
 * @param payload         custom payload template, or null for none
 * @param maxAttempts     register attempts per device (the first plus retries after 429 / 5xx / transport errors)
 * @param deviceTimeout   a device still not finished this long after it started ends with status {@code error}
 * @param apiVersion      the device API version sent ({@code 2021-06-01})
 * @param requestQos      QoS of the MQTT register and poll PUBLISHes (0 as Java/C, 1 as Node/Python/C#)
 */
public record FleetPlan(DpsEndpoint endpoint, Attestation attestation, Protocol protocol, int count, long firstNumber,
                        IdPattern idPattern, ArrivalProfile arrival, int concurrency, PayloadTemplate payload,
                        int maxAttempts, Duration deviceTimeout, String apiVersion, int requestQos) {

    /** The fleet size limit. */
    public static final int MAX_DEVICES = 100_000;

    public FleetPlan {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(attestation, "attestation");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(idPattern, "idPattern");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(deviceTimeout, "deviceTimeout");
        Objects.requireNonNull(apiVersion, "apiVersion");
        if (count < 1 || count > MAX_DEVICES) {
            throw new IllegalArgumentException("a fleet has 1 to 100,000 devices");
        }
        if (firstNumber < 0) {
            throw new IllegalArgumentException("the first device number must not be negative");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("the concurrency must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a device needs at least one attempt");
        }
        if (requestQos < 0 || requestQos > 1) {
            throw new IllegalArgumentException("request QoS is 0 or 1");
        }
        if (attestation instanceof Attestation.Tpm && protocol != Protocol.HTTPS) {
            throw new IllegalArgumentException("TPM devices register over HTTPS only (DPS has no TPM over MQTT)");
        }
        if (attestation instanceof Attestation.X509Supplied && count != 1) {
            throw new IllegalArgumentException("a supplied certificate is one device: use a count of 1");
        }
    }

    /** A plan with the defaults: MQTT 5, 1 device, {@code sim-{n:05}}, all at once, concurrency 100, 10 attempts, 2 min timeout. */
    public static Builder builder(DpsEndpoint endpoint, Attestation attestation) {
        return new Builder(endpoint, attestation);
    }

    /** What the fleet is, without the attestation's secrets (its own toString names the kind only). */
    @Override
    public String toString() {
        return "FleetPlan[endpoint=" + endpoint.host() + " " + endpoint.idScope() + ", attestation=" + attestation
                + ", protocol=" + protocol + ", count=" + count + ", idPattern=" + idPattern + ", concurrency=" + concurrency + "]";
    }

    /** A builder preset with this plan's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The pattern name of the device at this 0-based position (TPM devices may register under their EK-derived ID instead). */
    public String deviceName(int position) {
        return idPattern.format(firstNumber + position);
    }

    /** Builds a {@link FleetPlan}; every setter validates when {@link #build()} runs. */
    public static final class Builder {
        private DpsEndpoint endpoint;
        private Attestation attestation;
        private Protocol protocol = Protocol.MQTT5;
        private int count = 1;
        private long firstNumber = 1;
        private IdPattern idPattern = new IdPattern("sim-{n:05}");
        private ArrivalProfile arrival = ArrivalProfile.allAtOnce();
        private int concurrency = 100;
        private PayloadTemplate payload;
        private int maxAttempts = 10;
        private Duration deviceTimeout = Duration.ofMinutes(2);
        private String apiVersion = "2021-06-01";
        private int requestQos = 1;

        private Builder(DpsEndpoint endpoint, Attestation attestation) {
            this.endpoint = endpoint;
            this.attestation = attestation;
        }

        private Builder(FleetPlan plan) {
            endpoint = plan.endpoint;
            attestation = plan.attestation;
            protocol = plan.protocol;
            count = plan.count;
            firstNumber = plan.firstNumber;
            idPattern = plan.idPattern;
            arrival = plan.arrival;
            concurrency = plan.concurrency;
            payload = plan.payload;
            maxAttempts = plan.maxAttempts;
            deviceTimeout = plan.deviceTimeout;
            apiVersion = plan.apiVersion;
            requestQos = plan.requestQos;
        }

        public Builder endpoint(DpsEndpoint endpoint) { this.endpoint = endpoint; return this; }
        public Builder attestation(Attestation attestation) { this.attestation = attestation; return this; }
        public Builder protocol(Protocol protocol) { this.protocol = protocol; return this; }
        public Builder count(int count) { this.count = count; return this; }
        public Builder firstNumber(long firstNumber) { this.firstNumber = firstNumber; return this; }
        public Builder idPattern(String pattern) { this.idPattern = new IdPattern(pattern); return this; }
        public Builder arrival(ArrivalProfile arrival) { this.arrival = arrival; return this; }
        public Builder concurrency(int concurrency) { this.concurrency = concurrency; return this; }
        /** The payload template, or null / blank for no payload. */
        public Builder payload(String template) {
            this.payload = template == null || template.isBlank() ? null : new PayloadTemplate(template);
            return this;
        }
        public Builder maxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; return this; }
        public Builder deviceTimeout(Duration deviceTimeout) { this.deviceTimeout = deviceTimeout; return this; }
        public Builder apiVersion(String apiVersion) { this.apiVersion = apiVersion; return this; }
        public Builder requestQos(int requestQos) { this.requestQos = requestQos; return this; }

        public FleetPlan build() {
            return new FleetPlan(endpoint, attestation, protocol, count, firstNumber, idPattern, arrival, concurrency,
                    payload, maxAttempts, deviceTimeout, apiVersion, requestQos);
        }
    }
}
