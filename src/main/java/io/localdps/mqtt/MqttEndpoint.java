package io.localdps.mqtt;

import io.localdps.registration.DeviceRegistrations;
import io.localdps.tls.DeviceTlsMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.net.ssl.SSLException;

/**
 * Runs the {@link MqttServer} for the application's lifetime: it starts after the other beans are
 * ready (so DeviceRegistrations can answer) and stops before them.
 */
public class MqttEndpoint implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttEndpoint.class);

    private final MqttSettings settings;
    private final DeviceRegistrations registrations;
    private final DeviceTlsMaterial tlsMaterial;
    private final MqttConnectCheck connectCheck;
    private final Runnable onTlsHandshakeFailure;
    private final MqttAdmission admission;
    private volatile MqttServer server;

    public MqttEndpoint(MqttSettings settings, DeviceRegistrations registrations, DeviceTlsMaterial tlsMaterial,
                        MqttConnectCheck connectCheck) {
        this(settings, registrations, tlsMaterial, connectCheck, () -> { }, MqttAdmission.acceptAll());
    }

    public MqttEndpoint(MqttSettings settings, DeviceRegistrations registrations, DeviceTlsMaterial tlsMaterial,
                        MqttConnectCheck connectCheck, Runnable onTlsHandshakeFailure) {
        this(settings, registrations, tlsMaterial, connectCheck, onTlsHandshakeFailure, MqttAdmission.acceptAll());
    }

    /** @param admission which client addresses may connect at all (the IP filter) */
    public MqttEndpoint(MqttSettings settings, DeviceRegistrations registrations, DeviceTlsMaterial tlsMaterial,
                        MqttConnectCheck connectCheck, Runnable onTlsHandshakeFailure, MqttAdmission admission) {
        this.onTlsHandshakeFailure = onTlsHandshakeFailure;
        this.settings = settings;
        this.registrations = registrations;
        this.tlsMaterial = tlsMaterial;
        this.connectCheck = connectCheck;
        this.admission = admission;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = MqttServer.start(settings, registrations, tlsMaterial, connectCheck, onTlsHandshakeFailure, admission);
        } catch (SSLException e) {
            throw new IllegalStateException("MQTT device endpoint: unusable TLS key or certificate chain", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("MQTT device endpoint: interrupted while binding port " + settings.port(), e);
        }
        log.info("MQTT device endpoint listening on port {} (MQTT 3.1.1 and 5 over TLS)", server.port());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
            log.info("MQTT device endpoint stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The bound port (useful with {@code dps.mqtt.port=0}). */
    public int port() {
        MqttServer running = server;
        if (running == null) {
            throw new IllegalStateException("the MQTT device endpoint is not running");
        }
        return running.port();
    }
}
