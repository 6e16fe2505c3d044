package io.localdps.hub;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a hub device authenticates to IoT Hub. The JSON names are those of IoT Hub's registry API. */
public enum AuthenticationType {
    @JsonProperty("sas") SAS("Symmetric key"),
    @JsonProperty("selfSigned") SELF_SIGNED("X.509 self-signed"),
    @JsonProperty("certificateAuthority") CERTIFICATE_AUTHORITY("X.509 CA signed");

    private final String label;

    AuthenticationType(String label) {
        this.label = label;
    }

    /** As the IoT Hub portal names it. */
    public String label() {
        return label;
    }
}
