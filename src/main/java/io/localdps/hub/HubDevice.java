package io.localdps.hub;

import io.localdps.common.EntityTag;
import io.localdps.common.Json;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * One device in the identity registry of a simulated hub, with its twin. Aggregate root; the
 * {@code version} column is its ETag. The hub host name is stored lower-case; the device ID as
 * given, because IoT Hub device IDs are case-sensitive.
 */
public class HubDevice {

    @Id
    private Long id;
    @Version
    private Long version;
    private String hubHostName;
    private String deviceId;
    private String generationId;
    private AuthenticationType authType;
    private DeviceAuthentication authentication;
    private boolean iotEdge;
    private DeviceStatus status;
    private Instant created;
    private Instant updated;
    private ObjectNode twinTags;
    private ObjectNode twinDesired;
    private long desiredVersion;
    private ObjectNode twinReported;
    private long reportedVersion;

    @PersistenceCreator
    HubDevice() {
    }

    /** A new device with an empty twin, both properties sections at {@code $version} 1 as in IoT Hub. */
    HubDevice(String hubHostName, DeviceIdentity identity, String generationId, Instant now) {
        this.hubHostName = hubHostName;
        this.deviceId = identity.deviceId();
        this.generationId = generationId;
        this.created = now;
        this.twinTags = Json.emptyObject();
        this.twinDesired = Json.emptyObject();
        this.desiredVersion = 1;
        this.twinReported = Json.emptyObject();
        this.reportedVersion = 1;
        updateIdentity(identity, now);
    }

    /** Credentials, capabilities and status; the twin stays. */
    void updateIdentity(DeviceIdentity identity, Instant now) {
        this.authentication = identity.authentication();
        this.authType = identity.authentication().type();
        this.iotEdge = identity.iotEdge();
        this.status = identity.status();
        this.updated = now;
    }

    void replaceTwin(TwinContent twin, Instant now) {
        this.twinTags = twin.tags().deepCopy();
        this.twinDesired = twin.desiredProperties().deepCopy();
        this.desiredVersion++;
        this.updated = now;
    }

    /**
     * Applies a reported-properties patch as IoT Hub does (JSON merge patch: a null value removes
     * the property, objects merge) and counts one more reported {@code $version}.
     */
    void patchReported(ObjectNode patch, Instant now) {
        ObjectNode merged = twinReported.deepCopy();
        merge(merged, patch);
        this.twinReported = merged;
        this.reportedVersion++;
        this.updated = now;
    }

    /** What the reported properties would be after the patch, for validating before any change. */
    ObjectNode reportedAfter(ObjectNode patch) {
        ObjectNode merged = twinReported.deepCopy();
        merge(merged, patch);
        return merged;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public String etag() {
        return EntityTag.of(id, version);
    }

    /** Lower-case host name of the hub holding the device. */
    public String hubHostName() {
        return hubHostName;
    }

    public String deviceId() {
        return deviceId;
    }

    public DeviceRecord record() {
        return new DeviceRecord(hubHostName, deviceId, generationId, etag(), authentication, iotEdge, status,
                created, updated);
    }

    public DeviceTwin twin() {
        return new DeviceTwin(hubHostName, deviceId, etag(), twinTags, twinDesired, desiredVersion,
                twinReported, reportedVersion);
    }
}
