package io.localdps.enrollment;

import io.localdps.common.JdbcConverters;
import io.localdps.common.JsonColumn;
import org.springframework.stereotype.Component;

import java.util.List;

/** The enrollment value objects stored as JSON text columns. */
@Component
class EnrollmentJdbcConverters implements JdbcConverters {

    @Override
    public List<?> converters() {
        return List.of(
                JsonColumn.of(Attestation.class),
                JsonColumn.of(ReprovisionPolicy.class),
                JsonColumn.of(TargetHubs.class),
                JsonColumn.of(CustomAllocationDefinition.class),
                JsonColumn.of(InitialTwin.class),
                JsonColumn.of(EnrollmentExtras.DeviceInformation.class),
                JsonColumn.of(EnrollmentExtras.ClientCertificateIssuancePolicy.class));
    }
}
