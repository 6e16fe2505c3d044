package io.localdps.enrollment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a device proves who it is. The JSON names are those of the service API. */
public enum AttestationType {
    @JsonProperty("symmetricKey") SYMMETRIC_KEY("Symmetric key"),
    @JsonProperty("x509") X509("X.509"),
    @JsonProperty("tpm") TPM("TPM");

    private final String label;

    AttestationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
