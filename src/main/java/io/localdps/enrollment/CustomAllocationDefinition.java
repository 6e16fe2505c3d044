package io.localdps.enrollment;

/** The webhook a {@link AllocationPolicy#CUSTOM custom} policy calls (service-api.md §8). */
public record CustomAllocationDefinition(String webhookUrl, String apiVersion) {

    public static final String DEFAULT_API_VERSION = "2021-10-01";
}
