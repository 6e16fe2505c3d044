package io.localdps.networking;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * ARM's {@code publicNetworkAccess}. Self-hosted there are no private endpoints; "Disabled" admits
 * only clients from loopback and private address ranges ({@link PrivateNetworks}).
 */
public enum PublicNetworkAccess {
    ENABLED("Enabled"),
    DISABLED("Disabled");

    private final String apiName;

    PublicNetworkAccess(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }
}
