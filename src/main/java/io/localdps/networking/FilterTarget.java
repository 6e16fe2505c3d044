package io.localdps.networking;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which endpoints an IP filter rule guards (security.md §5: {@code all|deviceApi|serviceApi}). */
public enum FilterTarget {
    ALL("all"),
    DEVICE_API("deviceApi"),
    SERVICE_API("serviceApi");

    private final String apiName;

    FilterTarget(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    public boolean applies(NetworkEndpoint endpoint) {
        return this == ALL || (this == DEVICE_API) == (endpoint == NetworkEndpoint.DEVICE_API);
    }

    /** True when this target guards every endpoint {@code other} guards. */
    boolean covers(FilterTarget other) {
        return this == ALL || this == other;
    }
}
