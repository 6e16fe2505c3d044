package io.localdps.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import javax.net.ssl.SSLContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A device on the Eclipse Paho MQTT 5 client. MqttAsyncClient with the MqttSubscription[]
 * overload, because MqttClient.subscribe(String, int, listener) recurses forever in 1.2.5.
 */
public final class PahoV5Device implements AutoCloseable {

    private static final long WAIT_MILLIS = 30_000;

    private final MqttAsyncClient client;
    private final BlockingQueue<Response> received = new LinkedBlockingQueue<>();

    public PahoV5Device(int port, String registrationId) throws MqttException {
        client = new MqttAsyncClient("ssl://127.0.0.1:" + port, registrationId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Response(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos()));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
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
        });
    }

    public void connect(SSLContext tls, String userName, String password) throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(tls.getSocketFactory());
        options.setUserName(userName);
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(60);
        client.connect(options).waitForCompletion(WAIT_MILLIS);
    }

    public void subscribeToResponses() throws MqttException {
        client.subscribe(new MqttSubscription[]{new MqttSubscription(DpsTopics.RESPONSE_FILTER, 1)}).waitForCompletion(WAIT_MILLIS);
    }

    public void publish(String topic, String payload, int qos) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false).waitForCompletion(WAIT_MILLIS);
    }

    public Response nextResponse() throws InterruptedException {
        return Response.next(received);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(WAIT_MILLIS);
        }
        client.close();
    }
}
