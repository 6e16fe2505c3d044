package io.localdps.simulator;

import io.localdps.simulator.transport.Answer;
import io.localdps.simulator.transport.ConnectRefusedException;
import io.localdps.simulator.transport.ConnectThrottledException;
import io.localdps.simulator.transport.RegistrationChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One device's conversation with scripted DPS answers (the transports are tested against the real
 * server in SimulatedFleetTest): throttling, polling until terminal, and refusals.
 */
class DeviceFlowTest {

    private static final String KEY = "c2ltdWxhdG9yLWdyb3VwLWtleS0wMTIzNDU2Nzg5";
    private static final String ASSIGNED = "{\"operationId\":\"op-1\",\"status\":\"assigned\",\"registrationState\":{\"registrationId\":\"sim-1\","
            + "\"assignedHub\":\"hub-a.azure-devices.net\",\"deviceId\":\"sim-1\",\"status\":\"assigned\",\"substatus\":\"initialAssignment\"}}";

    private final FleetPlan plan = FleetPlan.builder(new DpsEndpoint("localhost", 8883, 443, "0ne00ABC123", Trust.all()),
            new Attestation.SymmetricIndividual(KEY)).maxAttempts(3).deviceTimeout(Duration.ofSeconds(30)).build();
    private final FleetRun run = new FleetRun(plan);

    @Test
    void aThrottledDeviceBacksOffRegistersAgainAndPollsUntilAssigned() {
        Script script = new Script(new Answer(429, 0, "{\"errorCode\":429001,\"message\":\"throttled\"}"),
                new Answer(202, 0, "{\"operationId\":\"op-1\",\"status\":\"assigning\"}"),
                new Answer(202, 0, "{\"operationId\":\"op-1\",\"status\":\"assigning\"}"),
                new Answer(200, null, ASSIGNED));

        DeviceOutcome outcome = flow(script).run();

        assertThat(outcome.status()).isEqualTo(DeviceStatus.ASSIGNED);
        assertThat(outcome.assignedHub()).isEqualTo("hub-a.azure-devices.net");
        assertThat(outcome.substatus()).isEqualTo("initialAssignment");
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.throttled()).isEqualTo(1);
        assertThat(run.progress().throttled()).isEqualTo(1);
        assertThat(script.requests).containsExactly("register", "register", "poll op-1", "poll op-1");
        assertThat(script.passwords).singleElement().asString().startsWith("SharedAccessSignature sr=0ne00ABC123%2Fregistrations%2Fsim-1&sig=");
    }

    @Test
    void aDeviceThrottledOnEveryAttemptGivesUpWithAnError() {
        Answer throttled = new Answer(429, 0, "{\"errorCode\":429001,\"message\":\"throttled\"}");

        DeviceOutcome outcome = flow(new Script(throttled, throttled, throttled, throttled)).run();

        assertThat(outcome.status()).isEqualTo(DeviceStatus.ERROR);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.error()).contains("3 attempts");
    }

    @Test
    void aRefusalIsAnErrorWithTheDpsCodeAndADisabledEnrollmentEndsDisabled() {
        DeviceOutcome refused = flow(new Script(new Answer(401, null, "{\"errorCode\":401002,\"message\":\"Invalid certificate\"}"))).run();
        DeviceOutcome disabled = flow(new Script(new Answer(202, 0, "{\"operationId\":\"op-1\",\"status\":\"assigning\"}"),
                new Answer(200, null, "{\"operationId\":\"op-1\",\"status\":\"disabled\",\"registrationState\":{\"registrationId\":\"sim-1\","
                        + "\"status\":\"disabled\",\"errorCode\":401000,\"errorMessage\":\"Enrollment is disabled.\"}}"))).run();

        assertThat(refused.status()).isEqualTo(DeviceStatus.ERROR);
        assertThat(refused.errorCode()).isEqualTo(401002);
        assertThat(refused.error()).isEqualTo("HTTP 401 401002: Invalid certificate");
        assertThat(disabled.status()).isEqualTo(DeviceStatus.DISABLED);
        assertThat(disabled.error()).isEqualTo("Enrollment is disabled.");
    }

    @Test
    void aStoppedRunDoesNotRetryAThrottledDevice() {
        run.stop();

        DeviceOutcome outcome = flow(new Script(new Answer(429, 5, "{}"))).run();

        assertThat(outcome.status()).isEqualTo(DeviceStatus.STOPPED);
        assertThat(outcome.attempts()).isEqualTo(1);
    }

    @Test
    void aDeviceRefusedBecauseTheServerIsBusyBacksOffConnectsAgainAndIsAssigned() {
        Script script = new Script(new Answer(200, null, ASSIGNED));
        List<IOException> refusals = new ArrayList<>(List.of(new ConnectThrottledException(3, "MQTT CONNACK refused, return code 3")));
        DeviceIdentity device = new DeviceIdentity(1, "sim-1", KEY, null, List.of(), null);

        DeviceOutcome outcome = new DeviceFlow(plan, run, null, device, password -> {
            if (!refusals.isEmpty()) {
                throw refusals.removeFirst();
            }
            return script;
        }).run();

        assertThat(outcome.status()).isEqualTo(DeviceStatus.ASSIGNED);
        assertThat(outcome.throttled()).isEqualTo(1);
        assertThat(run.progress().throttled()).isEqualTo(1);
    }

    @Test
    void aDeviceRefusedForItsCredentialsIsNotRetried() {
        Script script = new Script(new Answer(200, null, ASSIGNED));
        DeviceIdentity device = new DeviceIdentity(1, "sim-1", KEY, null, List.of(), null);

        DeviceOutcome outcome = new DeviceFlow(plan, run, null, device, password -> {
            throw new ConnectRefusedException(4, "MQTT CONNACK refused, return code 4");
        }).run();

        assertThat(outcome.status()).isEqualTo(DeviceStatus.ERROR);
        assertThat(outcome.error()).contains("return code 4");
        assertThat(script.requests).isEmpty();
    }

    private DeviceFlow flow(Script script) {
        DeviceIdentity device = new DeviceIdentity(1, "sim-1", KEY, null, List.of(), null);
        return new DeviceFlow(plan, run, null, device, password -> {
            script.passwords.add(password);
            return script;
        });
    }

    /** Answers requests in order, recording them. */
    private static final class Script implements RegistrationChannel {
        private final Deque<Answer> answers;
        private final List<String> requests = new ArrayList<>();
        private final List<String> passwords = new ArrayList<>();

        Script(Answer... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Answer register(String body, String authorization) throws IOException {
            requests.add("register");
            return next();
        }

        @Override
        public Answer poll(String operationId) throws IOException {
            requests.add("poll " + operationId);
            return next();
        }

        private Answer next() throws IOException {
            if (answers.isEmpty()) {
                throw new IOException("script over");
            }
            return answers.poll();
        }

        @Override
        public void close() {
        }
    }
}
