package io.localdps.registration;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an assignment came about (behaviour.md §7.2). */
public enum Substatus {
    @JsonProperty("initialAssignment") INITIAL_ASSIGNMENT("initialAssignment"),
    @JsonProperty("deviceDataMigrated") DEVICE_DATA_MIGRATED("deviceDataMigrated"),
    @JsonProperty("deviceDataReset") DEVICE_DATA_RESET("deviceDataReset"),
    @JsonProperty("reprovisionedToInitialAssignment") REPROVISIONED_TO_INITIAL_ASSIGNMENT("reprovisionedToInitialAssignment");

    private final String wireName;

    Substatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
