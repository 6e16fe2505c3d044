package io.localdps.enrollment;

import io.localdps.common.Json;

import java.util.List;

/** Builds {@link EnrollmentSettings}, starting from the portal's defaults. */
final class TestSettings {

    private ProvisioningStatus status = ProvisioningStatus.ENABLED;
    private ReprovisionPolicy reprovisionPolicy = ReprovisionPolicy.MIGRATE;
    private AllocationPolicy allocationPolicy = AllocationPolicy.HASHED;
    private List<String> hubs = List.of();
    private CustomAllocationDefinition webhook;
    private boolean iotEdge;
    private String tags = "{}";
    private String desired = "{}";

    private TestSettings() {
    }

    static TestSettings settings() {
        return new TestSettings();
    }

    static EnrollmentSettings defaults() {
        return settings().build();
    }

    TestSettings status(ProvisioningStatus status) {
        this.status = status;
        return this;
    }

    TestSettings reprovision(ReprovisionPolicy policy) {
        this.reprovisionPolicy = policy;
        return this;
    }

    TestSettings allocation(AllocationPolicy policy) {
        this.allocationPolicy = policy;
        return this;
    }

    TestSettings hubs(String... hostNames) {
        this.hubs = List.of(hostNames);
        return this;
    }

    /** Custom allocation through this webhook. */
    TestSettings webhook(String url, String apiVersion) {
        this.allocationPolicy = AllocationPolicy.CUSTOM;
        this.webhook = new CustomAllocationDefinition(url, apiVersion);
        return this;
    }

    /** A webhook without switching the policy to custom. */
    TestSettings webhookOnly(String url, String apiVersion) {
        this.webhook = new CustomAllocationDefinition(url, apiVersion);
        return this;
    }

    TestSettings iotEdge(boolean iotEdge) {
        this.iotEdge = iotEdge;
        return this;
    }

    TestSettings tags(String json) {
        this.tags = json;
        return this;
    }

    TestSettings desired(String json) {
        this.desired = json;
        return this;
    }

    EnrollmentSettings build() {
        return new EnrollmentSettings(status, reprovisionPolicy, allocationPolicy, new TargetHubs(hubs), webhook, iotEdge,
                new InitialTwin(Json.parseObject(tags).object(), Json.parseObject(desired).object()));
    }
}
