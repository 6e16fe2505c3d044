package io.localdps.simulator.transport;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A device on Eclipse Paho's MQTT 5 client. The {@code MqttSubscription[]} overload is used
 * because {@code subscribe(String, int, listener)} recurses forever in Paho 1.2.5.
 */
public final class MqttV5Channel implements RegistrationChannel {

    private final MqttSettings settings;
    private final MqttAsyncClient client;
    private final MqttAnswers answers = new MqttAnswers();
    private long rid;

    private MqttV5Channel(MqttSettings settings, MqttAsyncClient client) {
        this.settings = settings;
        this.client = client;
    }

    /** Connects (user name and SAS password, or none for X.509) and subscribes to the response topics. */
    public static MqttV5Channel open(MqttSettings settings, String registrationId, String password, SSLContext tls)
            throws IOException, InterruptedException {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(settings.serverUri(), registrationId, new MemoryPersistence(),
                    new TimerPingSender(settings.executor()), settings.executor());
        } catch (MqttException e) {
            throw new IOException("MQTT client: " + e.getMessage(), e);
        }
        MqttV5Channel channel = new MqttV5Channel(settings, client);
        client.setCallback(channel.callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TlsFactory.socketFactory(tls));
        options.setHttpsHostnameVerificationEnabled(settings.verifyHostName());
        options.setUserName(settings.userName(registrationId));
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(60);
        options.setConnectionTimeout((int) Math.max(1, settings.timeout().toSeconds()));
        try {
            channel.await(client.connect(options));
            channel.await(client.subscribe(new MqttSubscription[]{new MqttSubscription(MqttSettings.RESPONSE_FILTER, 1)}));
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
        if (reason >= 0x80 && reason <= 0xFF) {
            return ConnectRefusals.v5(reason, e);
        }
        return new IOException("MQTT: " + e.getMessage(), e);
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                answers.add(MqttSettings.answer(topic, message.getPayload()));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
                answers.lost("MQTT connection closed" + (response.getReasonString() == null ? "" : ": " + response.getReasonString()));
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                answers.lost("MQTT error: " + exception.getMessage());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
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
