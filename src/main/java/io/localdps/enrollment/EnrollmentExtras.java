package io.localdps.enrollment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.localdps.common.Json;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;

/**
 * Service API fields that LocalDPS stores and echoes but does not act on (service-api.md §3.1):
 * the console neither shows nor changes them, and the console's edits keep them.
 *
 * @param optionalDeviceInformation a TwinCollection; individual enrollments only, null when absent
 * @param clientCertificateIssuancePolicy null when absent
 */
public record EnrollmentExtras(DeviceInformation optionalDeviceInformation,
                               ClientCertificateIssuancePolicy clientCertificateIssuancePolicy) {

    public static final String OPTIONAL_DEVICE_INFORMATION = "optionalDeviceInformation";
    public static final String ISSUANCE_POLICY = "clientCertificateIssuancePolicy";
    static final int MAX_DEVICE_INFORMATION_LENGTH = 32 * 1024;
    static final int MAX_CA_NAME_LENGTH = 256;

    public static EnrollmentExtras none() {
        return new EnrollmentExtras(null, null);
    }

    /** The field errors of these values; groups refuse optionalDeviceInformation (service-api.md §3.2). */
    void validate(boolean group, Map<String, String> errors) {
        if (optionalDeviceInformation != null) {
            if (group) {
                errors.put(OPTIONAL_DEVICE_INFORMATION, "Enrollment groups have no optionalDeviceInformation.");
            } else if (Json.write(optionalDeviceInformation.value()).length() > MAX_DEVICE_INFORMATION_LENGTH) {
                errors.put(OPTIONAL_DEVICE_INFORMATION, "optionalDeviceInformation may hold at most "
                        + MAX_DEVICE_INFORMATION_LENGTH + " characters of JSON.");
            }
        }
        if (clientCertificateIssuancePolicy != null) {
            String name = clientCertificateIssuancePolicy.certificateAuthorityName();
            if (name == null || name.isBlank() || name.length() > MAX_CA_NAME_LENGTH) {
                errors.put(ISSUANCE_POLICY, "clientCertificateIssuancePolicy needs a certificateAuthorityName of 1 to "
                        + MAX_CA_NAME_LENGTH + " characters.");
            }
        }
    }

    public Optional<ObjectNode> deviceInformation() {
        return Optional.ofNullable(optionalDeviceInformation).map(DeviceInformation::value);
    }

    /** A TwinCollection stored as the JSON object itself. */
    public record DeviceInformation(ObjectNode value) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public DeviceInformation {
            value = value == null ? Json.emptyObject() : value;
        }

        @JsonValue
        @Override
        public ObjectNode value() {
            return value;
        }
    }

    /** {@code {"certificateAuthorityName": "..."}} (2021-11-01-preview). */
    public record ClientCertificateIssuancePolicy(String certificateAuthorityName) {
    }
}
