package io.localdps.simulator;

import io.localdps.simulator.transport.MqttSettings;
import io.localdps.simulator.transport.TlsFactory;
import io.localdps.simulator.transport.VirtualScheduledExecutor;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the devices of one run share: TLS trust, the executor Paho runs every MQTT client's
 * tasks on, and the executor of the HTTPS clients, both on virtual threads.
 */
record RunResources(TlsFactory tls, MqttSettings mqtt, ExecutorService httpExecutor, VirtualScheduledExecutor pahoExecutor,
                    Duration requestTimeout) implements AutoCloseable {

    /**
     * Paho reports through java.util.logging at SEVERE what is routine for a fleet (a sender task
     * racing the close of its client); outcomes carry the errors that matter. Kept in a field, as
     * java.util.logging holds loggers weakly.
     */
    private static final Logger PAHO_LOGGER = quietPaho();

    private static Logger quietPaho() {
        Logger paho = Logger.getLogger("org.eclipse.paho");
        paho.setLevel(Level.OFF);
        return paho;
    }

    static RunResources of(FleetPlan plan) {
        TlsFactory tls = new TlsFactory(plan.endpoint().trust());
        Duration requestTimeout = Duration.ofSeconds(Math.max(5, Math.min(60, plan.deviceTimeout().toSeconds())));
        VirtualScheduledExecutor paho = new VirtualScheduledExecutor("sim-mqtt-");
        MqttSettings mqtt = new MqttSettings(plan.endpoint().host(), plan.endpoint().mqttPort(), plan.endpoint().idScope(),
                plan.apiVersion(), plan.requestQos(), requestTimeout, tls.verifyHostName(), paho);
        return new RunResources(tls, mqtt, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sim-https-", 0).factory()),
                paho, requestTimeout);
    }

    @Override
    public void close() {
        pahoExecutor.shutdownNow();
        httpExecutor.shutdownNow();
    }
}
