package io.localdps.simulator;

import io.localdps.simulator.transport.MqttSettings;
import io.localdps.simulator.transport.TlsFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the devices of one run share: TLS trust, the executor Paho runs every MQTT client's
 * threads on, and the executor of the HTTPS clients, both on virtual threads.
 */
record RunResources(TlsFactory tls, MqttSettings mqtt, ExecutorService httpExecutor, ScheduledThreadPoolExecutor pahoExecutor,
                    Duration requestTimeout) implements AutoCloseable {

    /** Paho runs a receiver, a sender and a callback task per connected client, plus connect and ping tasks. */
    private static final int PAHO_TASKS_PER_CLIENT = 5;

    static RunResources of(FleetPlan plan) {
        TlsFactory tls = new TlsFactory(plan.endpoint().trust());
        Duration requestTimeout = Duration.ofSeconds(Math.max(5, Math.min(60, plan.deviceTimeout().toSeconds())));
        // a fixed pool (that is what a ScheduledThreadPoolExecutor is) large enough that no blocking Paho task waits for a thread
        ScheduledThreadPoolExecutor paho = new ScheduledThreadPoolExecutor(plan.concurrency() * PAHO_TASKS_PER_CLIENT + 16,
                Thread.ofVirtual().name("sim-mqtt-", 0).factory());
        paho.setKeepAliveTime(10, TimeUnit.SECONDS);
        paho.allowCoreThreadTimeOut(true);
        paho.setRemoveOnCancelPolicy(true);
        MqttSettings mqtt = new MqttSettings(plan.endpoint().host(), plan.endpoint().mqttPort(), plan.endpoint().idScope(),
                plan.apiVersion(), plan.requestQos(), requestTimeout, !tls.trustAll(), paho);
        return new RunResources(tls, mqtt, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sim-https-", 0).factory()),
                paho, requestTimeout);
    }

    @Override
    public void close() {
        pahoExecutor.shutdownNow();
        httpExecutor.shutdownNow();
    }
}
