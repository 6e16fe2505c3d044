package io.localdps.simulator;

import io.localdps.simulator.auth.SasTokens;
import io.localdps.simulator.transport.Answer;
import io.localdps.simulator.transport.ConnectRefusedException;
import io.localdps.simulator.transport.ConnectThrottledException;
import io.localdps.simulator.transport.HttpsChannel;
import io.localdps.simulator.transport.MqttV3Channel;
import io.localdps.simulator.transport.MqttV5Channel;
import io.localdps.simulator.transport.RegistrationChannel;
import io.localdps.simulator.tpm.TpmException;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One device's registration, start to end, on its own virtual thread (held only while the device
 * is in flight): connect, register, honour retry-after and 429, poll until a terminal status,
 * disconnect. For TPM devices the first register is answered 401 with the activation blob; the
 * device imports it and registers again with a SAS token signed by its TPM (device-api.md §4.6).
 */
final class DeviceFlow {

    private static final int DEFAULT_RETRY_AFTER_SECONDS = 2;
    private static final long MIN_POLL_MILLIS = 50;

    private final FleetPlan plan;
    private final FleetRun run;
    private final RunResources resources;
    private final DeviceIdentity device;
    private final ChannelOpener opener;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private int attempts;
    private int throttled;
    private String authorization;

    /** Opens the device's connection with the SAS token it has so far (null for X.509 and a TPM's first request). */
    @FunctionalInterface
    interface ChannelOpener {
        RegistrationChannel open(String password) throws IOException, InterruptedException;
    }

    DeviceFlow(FleetPlan plan, FleetRun run, RunResources resources, DeviceIdentity device) {
        this(plan, run, resources, device, null);
    }

    /** With {@code opener} null the plan's protocol is used; tests pass a scripted channel. */
    DeviceFlow(FleetPlan plan, FleetRun run, RunResources resources, DeviceIdentity device, ChannelOpener opener) {
        this.plan = plan;
        this.run = run;
        this.resources = resources;
        this.device = device;
        this.opener = opener != null ? opener : this::open;
        this.deadlineNanos = startNanos + plan.deviceTimeout().toNanos();
    }

    /** Runs the device to its end and returns its outcome (never throws). */
    DeviceOutcome run() {
        try {
            return register();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return end(DeviceStatus.STOPPED, null, 0, "interrupted");
        } catch (RuntimeException e) {
            return end(DeviceStatus.ERROR, null, 0, "simulator: " + e);
        }
    }

    private DeviceOutcome register() throws InterruptedException {
        if (device.deviceKey() != null) {
            authorization = SasTokens.token(plan.endpoint().idScope(), device.registrationId(), device.deviceKey(),
                    Instant.now().plusSeconds(3600).getEpochSecond());
        }
        String body = DpsMessages.registerBody(device.registrationId(),
                plan.payload() == null ? null : plan.payload().render(device.registrationId(), device.number()), device.tpm());
        String lastError = null;
        while (attempts < plan.maxAttempts()) {
            if (attempts > 0 && run.isStopping()) {
                return end(DeviceStatus.STOPPED, null, 0, lastError);
            }
            try (RegistrationChannel channel = opener.open(authorization)) {
                return converse(channel, body);
            } catch (ConnectRefusedException e) {
                return end(DeviceStatus.ERROR, null, 0, e.getMessage());
            } catch (ConnectThrottledException e) {
                // a busy server (e.g. its MQTT request queue is full) asks for back-off, like a 429
                throttled++;
                run.throttled();
                lastError = e.getMessage();
                attempts++;
                if (!sleepBefore(Math.min(10, attempts))) {
                    break;
                }
            } catch (IOException e) {
                lastError = "transport: " + e.getMessage();
                attempts++;
                if (!sleepBefore(Math.min(10, attempts))) {
                    break;
                }
            } catch (TpmException e) {
                return end(DeviceStatus.ERROR, null, 0, "TPM: " + e.getMessage());
            }
        }
        return timedOutOrExhausted(lastError);
    }

    private RegistrationChannel open(String password) throws IOException, InterruptedException {
        SSLContext tls = resources.tls().context(device.tlsKey(), device.chain());
        return switch (plan.protocol()) {
            case MQTT5 -> MqttV5Channel.open(resources.mqtt(), device.registrationId(), password, tls);
            case MQTT311 -> MqttV3Channel.open(resources.mqtt(), device.registrationId(), password, tls);
            case HTTPS -> HttpsChannel.open(plan.endpoint().host(), plan.endpoint().httpsPort(), plan.endpoint().idScope(),
                    device.registrationId(), plan.apiVersion(), resources.requestTimeout(), tls, resources.httpExecutor());
        };
    }

    /** Register (again after 429 / 5xx / a TPM challenge) and poll, on one connection. */
    private DeviceOutcome converse(RegistrationChannel channel, String body) throws IOException, InterruptedException {
        boolean challenged = false;
        while (true) {
            if (attempts >= plan.maxAttempts()) {
                return timedOutOrExhausted("no registration after " + attempts + " attempts");
            }
            attempts++;
            Answer answer = channel.register(body, authorization);
            DpsMessages.Result result = DpsMessages.read(answer.body());
            if (answer.status() == 401 && device.tpm() != null && !challenged && result.authenticationKey() != null) {
                device.tpm().importActivation(result.authenticationKey());
                authorization = SasTokens.token(plan.endpoint().idScope(), device.registrationId(),
                        Instant.now().plusSeconds(3600).getEpochSecond(), device.tpm()::hmac);
                challenged = true;
                attempts--; // the challenge round trip is part of one attempt, as in the SDKs
                continue;
            }
            if (retryable(answer)) {
                if (run.isStopping()) {
                    return end(DeviceStatus.STOPPED, null, result.errorCode(), "stopped while throttled");
                }
                if (!sleepBefore(retryAfter(answer))) {
                    return timedOutOrExhausted(describe(answer, result));
                }
                continue;
            }
            if (answer.status() != 200 && answer.status() != 202) {
                return end(DeviceStatus.ERROR, null, result.errorCode(), describe(answer, result));
            }
            return poll(channel, answer, result);
        }
    }

    private DeviceOutcome poll(RegistrationChannel channel, Answer answer, DpsMessages.Result result)
            throws IOException, InterruptedException {
        String operationId = result.operationId();
        while (!result.terminal()) {
            if (operationId == null) {
                return end(DeviceStatus.ERROR, null, result.errorCode(), "no operationId in " + DpsMessages.abbreviate(answer.body()));
            }
            if (!sleepBefore(retryAfter(answer))) {
                return timedOutOrExhausted("operation " + operationId + " still " + result.status());
            }
            answer = channel.poll(operationId);
            if (retryable(answer)) {
                result = new DpsMessages.Result(operationId, "assigning", null, null, null, 0, null, null);
                continue;
            }
            result = DpsMessages.read(answer.body());
            if (answer.status() != 200 && answer.status() != 202) {
                return end(DeviceStatus.ERROR, null, result.errorCode(), describe(answer, result));
            }
        }
        return switch (result.status()) {
            case "assigned" -> assigned(result);
            case "disabled" -> end(DeviceStatus.DISABLED, result, result.errorCode(), result.errorMessage());
            default -> end(DeviceStatus.FAILED, result, result.errorCode(), result.errorMessage());
        };
    }

    private DeviceOutcome assigned(DpsMessages.Result result) {
        if (device.tpm() != null) {
            // the hub key comes in a new activation blob; a real device imports it to talk to the hub
            if (result.authenticationKey() == null) {
                return end(DeviceStatus.ERROR, result, 0, "assigned without registrationState.tpm.authenticationKey");
            }
            device.tpm().importActivation(result.authenticationKey());
        }
        return end(DeviceStatus.ASSIGNED, result, 0, null);
    }

    /** 429 (throttled) and 5xx ask for a retry after {@code retry-after}. */
    private boolean retryable(Answer answer) {
        if (answer.status() == 429) {
            throttled++;
            run.throttled();
            return true;
        }
        return answer.status() >= 500;
    }

    private static int retryAfter(Answer answer) {
        Integer seconds = answer.retryAfterSeconds();
        return seconds == null ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(0, Math.min(300, seconds));
    }

    /** Sleeps before the next request unless that would pass the device's deadline. */
    private boolean sleepBefore(int seconds) throws InterruptedException {
        long sleepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_POLL_MILLIS), TimeUnit.SECONDS.toNanos(seconds));
        if (System.nanoTime() + sleepNanos > deadlineNanos) {
            return false;
        }
        TimeUnit.NANOSECONDS.sleep(sleepNanos);
        return true;
    }

    private DeviceOutcome timedOutOrExhausted(String lastError) {
        if (run.isStopping()) {
            return end(DeviceStatus.STOPPED, null, 0, lastError);
        }
        boolean late = System.nanoTime() >= deadlineNanos - TimeUnit.SECONDS.toNanos(1);
        String reason = late ? "timed out after " + plan.deviceTimeout().toSeconds() + " s" : "gave up after " + attempts + " attempts";
        return end(DeviceStatus.ERROR, null, 0, lastError == null ? reason : reason + " (" + lastError + ")");
    }

    private static String describe(Answer answer, DpsMessages.Result result) {
        String message = result.errorMessage() != null ? result.errorMessage() : DpsMessages.abbreviate(answer.body());
        return "HTTP " + answer.status() + (result.errorCode() != 0 ? " " + result.errorCode() : "") + ": " + message;
    }

    private DeviceOutcome end(DeviceStatus status, DpsMessages.Result result, int errorCode, String error) {
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        return new DeviceOutcome(device.number(), device.registrationId(), status, result == null ? null : result.substatus(),
                result == null ? null : result.assignedHub(), result == null ? null : result.deviceId(), attempts, throttled,
                latency, errorCode, error, Instant.now());
    }
}
