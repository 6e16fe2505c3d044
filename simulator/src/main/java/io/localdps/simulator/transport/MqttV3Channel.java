package io.localdps.simulator.transport;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A device on Eclipse Paho's MQTT 3.1.1 client: what the Azure device SDKs speak (device-api.md §5). */
public final class MqttV3Channel implements RegistrationChannel {

    private final MqttSettings settings;
    private final MqttAsyncClient client;
    private final MqttAnswers answers = new MqttAnswers();
    private long rid;

    private MqttV3Channel(MqttSettings settings, MqttAsyncClient client) {
        this.settings = settings;
        this.client = client;
    }

    /** Connects (user name and SAS password, or none for X.509) and subscribes to the response topics. */
    public static MqttV3Channel open(MqttSettings settings, String registrationId, String password, SSLContext tls)
            throws IOException, InterruptedException {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(settings.serverUri(), registrationId, new MemoryPersistence(),
                    new ScheduledExecutorPingSender(settings.executor()), settings.executor());
        } catch (MqttException e) {
            throw new IOException("MQTT client: " + e.getMessage(), e);
        }
        MqttV3Channel channel = new MqttV3Channel(settings, client);
        client.setCallback(channel.callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(TlsFactory.socketFactory(tls));
        options.setHttpsHostnameVerificationEnabled(settings.verifyHostName());
        options.setUserName(settings.userName(registrationId));
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(60);
        options.setConnectionTimeout((int) Math.max(1, settings.timeout().toSeconds()));
        try {
            channel.await(client.connect(options));
            channel.await(client.subscribe(MqttSettings.RESPONSE_FILTER, 1));
            return channel;
        } catch (MqttException e) {
            channel.close();
            throw failure(e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public Answer register(String body, String authorization) throws IOException, InterruptedException {
        return request(MqttSettings.registerTopic(++rid), body);
    }

    @Override
    public Answer poll(String operationId) throws IOException, InterruptedException {
        return request(MqttSettings.pollTopic(++rid, operationId), "");
    }

    private Answer request(String topic, String body) throws IOException, InterruptedException {
        try {
            await(client.publish(topic, body.getBytes(StandardCharsets.UTF_8), settings.requestQos(), false));
        } catch (MqttException e) {
            throw failure(e);
        }
        return answers.next(settings.timeout());
    }

    private void await(IMqttToken token) throws IOException {
        try {
            token.waitForCompletion(settings.timeout().toMillis());
        } catch (MqttException e) {
            throw failure(e);
        }
        if (!token.isComplete()) {
            throw new IOException("MQTT: no answer within " + settings.timeout().toSeconds() + " s");
        }
    }

    /** A CONNACK refusal is classified by {@link ConnectRefusals}; anything else is a transport failure worth a retry. */
    private static IOException failure(MqttException e) {
        int reason = e.getReasonCode();
        if (reason >= 1 && reason <= 5) {
            return ConnectRefusals.v3(reason, e);
        }
        return new IOException("MQTT: " + e.getMessage(), e);
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                answers.lost("MQTT connection lost: " + cause.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                answers.add(MqttSettings.answer(topic, message.getPayload()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }

    /**
     * Disconnects (DISCONNECT packet, at most a second) and always ends the client's tasks:
     * a forced disconnect stops Paho's receiver, sender and callback tasks even when the polite one fails.
     */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(1000);
            }
        } catch (MqttException | RuntimeException ignored) {
            // forced below
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException | RuntimeException ignored) {
            // the device is done either way
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // as above
        }
    }
}
