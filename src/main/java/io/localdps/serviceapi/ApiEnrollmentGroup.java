package io.localdps.serviceapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.EnrollmentExtras;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.ProvisioningStatus;
import io.localdps.enrollment.ReprovisionPolicy;

import java.util.List;

/** EnrollmentGroup as the service API reads and writes it (service-api.md §3.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiEnrollmentGroup(
        String enrollmentGroupId,
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
        EnrollmentExtras.ClientCertificateIssuancePolicy clientCertificateIssuancePolicy) {

    static ApiEnrollmentGroup of(EnrollmentGroup group, boolean withSecrets) {
        EnrollmentSettings settings = group.settings();
        return new ApiEnrollmentGroup(group.enrollmentGroupId(), ApiAttestations.shown(group.attestation(), withSecrets),
                new ApiSettings.Capabilities(settings.iotEdge()), null, ApiTwin.of(settings.initialTwin()), group.etag(),
                settings.provisioningStatus(), settings.reprovisionPolicy(), ApiTime.format(group.created()),
                ApiTime.format(group.updated()), settings.allocationPolicy(), settings.iotHubs().hostNames(),
                settings.customAllocation(), group.extras().clientCertificateIssuancePolicy());
    }

    EnrollmentExtras extras() {
        return new EnrollmentExtras(null, clientCertificateIssuancePolicy);
    }

    EnrollmentSettings settings() {
        return ApiSettings.toSettings(provisioningStatus, reprovisionPolicy, allocationPolicy, iotHubs, iotHubHostName,
                customAllocationDefinition, capabilities, initialTwin);
    }
}
