package io.localdps.simulation;

import io.localdps.enrollment.EnrollmentRules;
import io.localdps.simulator.IdPattern;
import io.localdps.simulator.PayloadTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the run form, each answering with the message shown at its field. The view checks
 * fields as they are typed and {@link SimulationService} checks them all again before a run.
 */
public final class SimulationRules {

    public static final int MAX_DEVICES = 100_000;
    public static final int MAX_RATE = 10_000;
    public static final int MAX_RAMP_SECONDS = 3_600;
    public static final int MAX_CONCURRENCY = 10_000;

    public static final String TARGET = "target";
    public static final String COUNT = "count";
    public static final String REGISTRATION_IDS = "registrationIds";
    public static final String PROTOCOL = "protocol";
    public static final String RATE = "ratePerSecond";
    public static final String RAMP = "rampSeconds";
    public static final String CONCURRENCY = "concurrency";
    public static final String PAYLOAD = "payloadTemplate";

    private SimulationRules() {
    }

    public static Optional<String> countProblem(Integer count) {
        if (count == null) {
            return Optional.of("Enter how many devices register.");
        }
        return count < 1 || count > MAX_DEVICES
                ? Optional.of("A run has 1 to " + String.format("%,d", MAX_DEVICES) + " devices.") : Optional.empty();
    }

    /**
     * The pattern must number the devices ({@code {n}}, or {@code {n:05}} zero-padded to 5 digits),
     * and the first and last ID it makes must be valid registration IDs in lower case, as the
     * simulator sends them (an X.509 ID is also the certificate's CN, so at most 64 characters).
     */
    public static Optional<String> registrationIdsProblem(String pattern, Integer count, boolean x509) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("Enter a pattern such as sim-{n:05}.");
        }
        IdPattern ids;
        try {
            ids = new IdPattern(pattern);
        } catch (IllegalArgumentException e) {
            return Optional.of(pattern.contains("{n") ? "The pattern must make lower-case registration IDs (letters, "
                    + "digits and - . _ :), e.g. sim-{n:05}." : "Put {n} where the device number goes, e.g. sim-{n:05}.");
        }
        long last = count == null || count < 1 ? 1 : Math.min(count, MAX_DEVICES);
        for (String id : new String[]{ids.format(1), ids.format(last)}) {
            Optional<String> problem = EnrollmentRules.registrationIdProblem(id);
            if (problem.isPresent()) {
                return Optional.of("The pattern makes \"" + id + "\": " + problem.get());
            }
            if (x509 && id.length() > EnrollmentRules.MAX_X509_ID_LENGTH) {
                return Optional.of("X.509 registration IDs are the certificate's CN: at most "
                        + EnrollmentRules.MAX_X509_ID_LENGTH + " characters, but \"" + id + "\" is longer.");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> rangeProblem(Integer value, int max, String what) {
        if (value == null) {
            return Optional.of("Enter the " + what + ".");
        }
        return value < 1 || value > max ? Optional.of("The " + what + " is 1 to " + String.format("%,d", max) + ".")
                : Optional.empty();
    }

    /** Blank means no payload; otherwise JSON once {@code {id}} and {@code {n}} are filled in. */
    public static Optional<String> payloadProblem(String template) {
        if (template == null || template.isBlank()) {
            return Optional.empty();
        }
        try {
            new PayloadTemplate(template);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("The payload is not valid JSON once {id} and {n} are filled in, e.g. "
                    + "{\"serial\": \"{id}\"}.");
        }
    }

    /** TPM devices register over HTTPS only: DPS offers TPM attestation over MQTT to no SDK. */
    public static Optional<String> protocolProblem(SimulationTarget target, RunSettings.Protocol protocol) {
        if (protocol == null) {
            return Optional.of("Choose a protocol.");
        }
        return target != null && target.kind() == SimulationTarget.Kind.TPM_INDIVIDUAL && protocol != RunSettings.Protocol.HTTPS
                ? Optional.of("TPM devices register over HTTPS only.") : Optional.empty();
    }

    /** Every problem of the settings, keyed by field name; empty when a run can start. */
    public static Map<String, String> problems(RunSettings settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (settings.target() == null) {
            errors.put(TARGET, "Choose what the devices enroll with.");
        }
        boolean x509 = settings.target() != null && settings.target().kind() == SimulationTarget.Kind.X509_GROUP;
        countProblem(settings.count()).ifPresent(m -> errors.put(COUNT, m));
        registrationIdsProblem(settings.registrationIds(), settings.count(), x509).ifPresent(m -> errors.put(REGISTRATION_IDS, m));
        protocolProblem(settings.target(), settings.protocol()).ifPresent(m -> errors.put(PROTOCOL, m));
        if (settings.arrival() != null && settings.arrival() != RunSettings.Arrival.ALL_AT_ONCE) {
            rangeProblem(settings.ratePerSecond(), MAX_RATE, "rate (devices per second)").ifPresent(m -> errors.put(RATE, m));
        }
        if (settings.arrival() == RunSettings.Arrival.RAMP) {
            rangeProblem(settings.rampSeconds(), MAX_RAMP_SECONDS, "ramp duration (seconds)").ifPresent(m -> errors.put(RAMP, m));
        }
        rangeProblem(settings.concurrency(), MAX_CONCURRENCY, "concurrency").ifPresent(m -> errors.put(CONCURRENCY, m));
        payloadProblem(settings.payloadTemplate()).ifPresent(m -> errors.put(PAYLOAD, m));
        return errors;
    }
}
