package io.localdps.hub;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether IoT Hub lets the device connect. DPS always writes {@link #ENABLED} (behaviour.md §6.1). */
public enum DeviceStatus {
    @JsonProperty("enabled") ENABLED("Enabled"),
    @JsonProperty("disabled") DISABLED("Disabled");

    private final String label;

    DeviceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
