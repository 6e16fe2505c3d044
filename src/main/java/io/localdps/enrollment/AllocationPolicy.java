package io.localdps.enrollment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How DPS picks a linked hub for a device (behaviour.md §5). */
public enum AllocationPolicy {
    @JsonProperty("hashed") HASHED("hashed", "Evenly weighted distribution"),
    @JsonProperty("geoLatency") GEO_LATENCY("geoLatency", "Lowest latency"),
    @JsonProperty("static") STATIC("static", "Static configuration"),
    @JsonProperty("custom") CUSTOM("custom", "Custom (webhook)");

    private final String apiName;
    private final String label;

    AllocationPolicy(String apiName, String label) {
        this.apiName = apiName;
        this.label = label;
    }

    /** The value used by the service API, e.g. {@code geoLatency}. */
    public String apiName() {
        return apiName;
    }

    /** The portal's wording. */
    public String label() {
        return label;
    }
}
