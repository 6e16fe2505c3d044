package io.localdps.serviceapi;

import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.InitialTwin;
import io.localdps.enrollment.ProvisioningStatus;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;

import java.util.List;

/** The settings fields individual enrollments and groups share, between the API's JSON and the services. */
final class ApiSettings {

    private ApiSettings() {
    }

    /** {@code {"iotEdge": bool}} */
    record Capabilities(Boolean iotEdge) {
    }

    /** @param iotHubHostName legacy single hub, an alias of {@code iotHubs} when that is empty (service-api.md §3.1) */
    static EnrollmentSettings toSettings(ProvisioningStatus status, ReprovisionPolicy reprovision, AllocationPolicy allocation,
                                         List<String> iotHubs, String iotHubHostName, CustomAllocationDefinition custom,
                                         Capabilities capabilities, ApiTwin twin) {
        List<String> hubs = iotHubs != null && !iotHubs.isEmpty() ? iotHubs
                : iotHubHostName != null && !iotHubHostName.isBlank() ? List.of(iotHubHostName) : List.of();
        boolean iotEdge = capabilities != null && Boolean.TRUE.equals(capabilities.iotEdge());
        InitialTwin initialTwin = twin == null ? InitialTwin.empty() : twin.toInitialTwin();
        return new EnrollmentSettings(status, reprovision, allocation, new TargetHubs(hubs), custom, iotEdge, initialTwin);
    }
}
