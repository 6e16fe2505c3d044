package io.localdps.mqtt;

import io.localdps.registration.DeviceRequest;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs the {@link MqttConnectCheck} on the request executor, because it may block, and hands its
 * verdict back on the connection's event loop. A full executor, a failing check or no verdict
 * all mean "server unavailable".
 */
final class ConnectCheckCall {

    private static final Logger log = LoggerFactory.getLogger(ConnectCheckCall.class);

    private ConnectCheckCall() {
    }

    static void start(MqttConnectCheck check, DeviceRequest identity, Executor requestExecutor, EventExecutor eventLoop,
                      Consumer<MqttConnectCheck.Verdict> onVerdict) {
        try {
            requestExecutor.execute(() -> run(check, identity, eventLoop, onVerdict));
        } catch (RejectedExecutionException full) {
            onVerdict.accept(MqttConnectCheck.Verdict.SERVER_UNAVAILABLE);
        }
    }

    private static void run(MqttConnectCheck check, DeviceRequest identity, EventExecutor eventLoop,
                            Consumer<MqttConnectCheck.Verdict> onVerdict) {
        MqttConnectCheck.Verdict verdict = MqttConnectCheck.Verdict.SERVER_UNAVAILABLE;
        try {
            MqttConnectCheck.Verdict checked = check.check(identity);
            verdict = checked != null ? checked : verdict;
        } catch (RuntimeException e) {
            log.error("MQTT {}: connect check failed", identity.registrationId(), e);
        } finally {
            MqttConnectCheck.Verdict result = verdict;
            try {
                eventLoop.execute(() -> onVerdict.accept(result));
            } catch (RejectedExecutionException shuttingDown) {
                log.debug("MQTT {}: event loop gone before CONNACK", identity.registrationId());
            }
        }
    }
}
