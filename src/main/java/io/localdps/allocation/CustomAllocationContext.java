package io.localdps.allocation;

import io.localdps.common.Json;
import io.localdps.enrollment.CustomAllocationDefinition;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * What a custom-allocation webhook is told about the device, built by the registration worker
 * (service-api.md §8.2). The allocation engine adds {@code linkedHubs}.
 *
 * @param definition           the enrollment's webhook URL (posted to exactly as stored) and API version
 * @param enrollmentProperty   {@code individualEnrollment} or {@code enrollmentGroup}
 * @param enrollment           the enrollment in the schema of the definition's API version, attestation
 *                             reduced to its {@code type}
 * @param deviceRuntimeContext {@code registrationId}, current hub and device ID, attestation details, payload
 */
public record CustomAllocationContext(CustomAllocationDefinition definition, String enrollmentProperty,
                                      ObjectNode enrollment, ObjectNode deviceRuntimeContext) {

    public static final String INDIVIDUAL_ENROLLMENT = "individualEnrollment";
    public static final String ENROLLMENT_GROUP = "enrollmentGroup";

    public CustomAllocationContext {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(definition.webhookUrl(), "definition.webhookUrl");
        if (!INDIVIDUAL_ENROLLMENT.equals(enrollmentProperty) && !ENROLLMENT_GROUP.equals(enrollmentProperty)) {
            throw new IllegalArgumentException("The enrollment goes under " + INDIVIDUAL_ENROLLMENT + " or "
                    + ENROLLMENT_GROUP + ", not " + enrollmentProperty);
        }
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(deviceRuntimeContext, "deviceRuntimeContext");
    }

    public static CustomAllocationContext forIndividualEnrollment(CustomAllocationDefinition definition,
                                                                  ObjectNode enrollment, ObjectNode deviceRuntimeContext) {
        return new CustomAllocationContext(definition, INDIVIDUAL_ENROLLMENT, enrollment, deviceRuntimeContext);
    }

    public static CustomAllocationContext forEnrollmentGroup(CustomAllocationDefinition definition,
                                                             ObjectNode enrollment, ObjectNode deviceRuntimeContext) {
        return new CustomAllocationContext(definition, ENROLLMENT_GROUP, enrollment, deviceRuntimeContext);
    }

    /** The webhook's request body, {@code AllocationRequest} of service-api.md §8.2. */
    public ObjectNode requestBody(List<String> linkedHubs) {
        ObjectNode body = Json.emptyObject();
        body.set(enrollmentProperty, enrollment);
        body.set("deviceRuntimeContext", deviceRuntimeContext);
        ArrayNode hubs = body.putArray("linkedHubs");
        linkedHubs.forEach(hubs::add);
        return body;
    }
}
