package io.localdps.enrollment;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ProvisioningStatus {
    @JsonProperty("enabled") ENABLED("Enabled"),
    @JsonProperty("disabled") DISABLED("Disabled");

    private final String label;

    ProvisioningStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
