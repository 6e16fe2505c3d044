package io.localdps.simulator;

import java.util.Locale;

/** The wire protocol a simulated device registers over (device-api.md §4 and §5). */
public enum Protocol {
    /** MQTT 5 over TLS with the Eclipse Paho v5 client, on the MQTT port. */
    MQTT5("mqtt5"),
    /** MQTT 3.1.1 over TLS with the Eclipse Paho v3 client, on the MQTT port: what the Azure SDKs speak. */
    MQTT311("mqtt311"),
    /** HTTPS REST with {@link java.net.http.HttpClient}, on the HTTPS port. The only protocol TPM devices may use. */
    HTTPS("https");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    /** The name used on the command line and in CSV files: {@code mqtt5}, {@code mqtt311}, {@code https}. */
    public String label() {
        return label;
    }

    /** Parses {@link #label()}, case-insensitively. */
    public static Protocol of(String label) {
        for (Protocol protocol : values()) {
            if (protocol.label.equals(label.toLowerCase(Locale.ROOT))) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + label + "' (mqtt5, mqtt311 or https)");
    }
}
