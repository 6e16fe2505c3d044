package io.localdps.enrollment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Quotas of behaviour.md §10, configurable as {@code dps.limits.*}; Azure's values by default. */
@ConfigurationProperties("dps.limits")
public record EnrollmentLimits(
        @DefaultValue("1000000") int individualEnrollments,
        @DefaultValue("100") int symmetricKeyGroups,
        @DefaultValue("100") int x509Groups) {
}
