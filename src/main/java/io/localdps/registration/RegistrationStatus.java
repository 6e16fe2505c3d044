package io.localdps.registration;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of a registration record and of an operation (device-api.md §2.2). */
public enum RegistrationStatus {
    @JsonProperty("unassigned") UNASSIGNED("unassigned"),
    @JsonProperty("assigning") ASSIGNING("assigning"),
    @JsonProperty("assigned") ASSIGNED("assigned"),
    @JsonProperty("failed") FAILED("failed"),
    @JsonProperty("disabled") DISABLED("disabled");

    private final String wireName;

    RegistrationStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean terminal() {
        return this == ASSIGNED || this == FAILED || this == DISABLED;
    }
}
