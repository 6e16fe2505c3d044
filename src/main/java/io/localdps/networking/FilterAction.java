package io.localdps.networking;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a matching IP filter rule does with a connection; spelled as ARM spells it. */
public enum FilterAction {
    ACCEPT("Accept"),
    REJECT("Reject");

    private final String apiName;

    FilterAction(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }
}
