package io.localdps.serviceapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.EnrollmentExtras;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.ProvisioningStatus;
import io.localdps.enrollment.ReprovisionPolicy;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** IndividualEnrollment as the service API reads and writes it (service-api.md §3.1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiIndividualEnrollment(
        String registrationId,
        String deviceId,
        ApiRegistrationState registrationState,
        Attestation attestation,
        ApiSettings.Capabilities capabilities,
        String iotHubHostName,
        ApiTwin initialTwin,
        String etag,
        ProvisioningStatus provisioningStatus,
        ReprovisionPolicy reprovisionPolicy,
        String createdDateTimeUtc,
        String lastUpdatedDateTimeUtc,
        AllocationPolicy allocationPolicy,
        List<String> iotHubs,
        CustomAllocationDefinition customAllocationDefinition,
        ObjectNode optionalDeviceInformation,
        EnrollmentExtras.ClientCertificateIssuancePolicy clientCertificateIssuancePolicy) {

    /**
     * @param withSecrets true for PUT and attestationmechanism answers; GET and query hide the
     *                    symmetric keys (service-api.md §3.4)
     */
    static ApiIndividualEnrollment of(IndividualEnrollment enrollment, ApiRegistrationState state, boolean withSecrets) {
        EnrollmentSettings settings = enrollment.settings();
        return new ApiIndividualEnrollment(enrollment.registrationId(), enrollment.deviceId(), state,
                ApiAttestations.shown(enrollment.attestation(), withSecrets),
                new ApiSettings.Capabilities(settings.iotEdge()), null, ApiTwin.of(settings.initialTwin()), enrollment.etag(),
                settings.provisioningStatus(), settings.reprovisionPolicy(), ApiTime.format(enrollment.created()),
                ApiTime.format(enrollment.updated()), settings.allocationPolicy(), settings.iotHubs().hostNames(),
                settings.customAllocation(), enrollment.extras().deviceInformation().orElse(null),
                enrollment.extras().clientCertificateIssuancePolicy());
    }

    EnrollmentExtras extras() {
        return new EnrollmentExtras(optionalDeviceInformation == null ? null
                : new EnrollmentExtras.DeviceInformation(optionalDeviceInformation), clientCertificateIssuancePolicy);
    }

    EnrollmentSettings settings() {
        return ApiSettings.toSettings(provisioningStatus, reprovisionPolicy, allocationPolicy, iotHubs, iotHubHostName,
                customAllocationDefinition, capabilities, initialTwin);
    }
}
