package io.localdps.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import javax.net.ssl.SSLContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A device on the Eclipse Paho MQTT 3.1.1 client, set up the way the Java provisioning client
 * 2.1.3 sets it up (client-compat.md §4): cleanSession false, keep-alive 230 s.
 */
final class PahoV311Device implements AutoCloseable {

    private final MqttClient client;
    private final BlockingQueue<Response> received = new LinkedBlockingQueue<>();

    PahoV311Device(int port, String registrationId) throws MqttException {
        client = new MqttClient("ssl://127.0.0.1:" + port, registrationId, new MemoryPersistence());
        client.setTimeToWait(30_000);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Response(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos()));
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
    }

    /** @param password the SAS token, or null for an X.509 device */
    void connect(SSLContext tls, String userName, String password) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(tls.getSocketFactory());
        options.setCleanSession(false);
        options.setKeepAliveInterval(230);
        options.setAutomaticReconnect(false);
        options.setUserName(userName);
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
    }

    void subscribeToResponses() throws MqttException {
        client.subscribe(DpsTopics.RESPONSE_FILTER, 1);
    }

    void publish(String topic, String payload, int qos) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    Response nextResponse() throws InterruptedException {
        return Response.next(received);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
