package io.localdps.simulator.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every MQTT device of a run shares.
 *
 * @param host                 DPS host
 * @param port                 MQTT/TLS port
 * @param idScope              ID scope
 * @param apiVersion           device API version in the user name
 * @param requestQos           QoS of register and poll PUBLISHes
 * @param timeout              longest wait for CONNACK, SUBACK or an answer
 * @param verifyHostName       check the server certificate's host name
 * @param executor             Paho's threads (receiver, sender, callback, pings) of every device run on it
 */
public record MqttSettings(String host, int port, String idScope, String apiVersion, int requestQos, Duration timeout,
                           boolean verifyHostName, ScheduledExecutorService executor) {

    static final String RESPONSE_FILTER = "$dps/registrations/res/#";
    private static final String CLIENT_VERSION = URLEncoder.encode("localdps-simulator/1.0", StandardCharsets.UTF_8);

    String serverUri() {
        return "ssl://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code {idScope}/registrations/{registrationId}/api-version=...&ClientVersion=...} (device-api.md §5.1). */
    String userName(String registrationId) {
        return idScope + "/registrations/" + registrationId + "/api-version=" + apiVersion + "&ClientVersion=" + CLIENT_VERSION;
    }

    static String registerTopic(long rid) {
        return "$dps/registrations/PUT/iotdps-register/?$rid=" + rid;
    }

    static String pollTopic(long rid, String operationId) {
        return "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=" + rid + "&operationId=" + operationId;
    }

    /** Reads {@code $dps/registrations/res/{status}/?$rid={rid}[&retry-after={n}]} into an answer. */
    static Answer answer(String topic, byte[] payload) {
        String prefix = "$dps/registrations/res/";
        if (!topic.startsWith(prefix)) {
            return new Answer(0, null, "unexpected topic " + topic);
        }
        int slash = topic.indexOf('/', prefix.length());
        int status = Integer.parseInt(topic.substring(prefix.length(), slash < 0 ? topic.length() : slash));
        Integer retryAfter = null;
        int query = topic.indexOf('?');
        if (query >= 0) {
            for (String pair : topic.substring(query + 1).split("&")) {
                if (pair.startsWith("retry-after=")) {
                    try {
                        retryAfter = Integer.parseInt(pair.substring("retry-after=".length()).strip());
                    } catch (NumberFormatException ignored) {
                        // a malformed retry-after counts as absent
                    }
                }
            }
        }
        return new Answer(status, retryAfter, new String(payload, StandardCharsets.UTF_8));
    }
}
