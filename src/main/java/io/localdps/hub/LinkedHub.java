package io.localdps.hub;

import io.localdps.common.EntityTag;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;

/**
 * An IoT hub DPS may assign devices to. The hub itself is simulated inside the product; this
 * aggregate holds what DPS knows of the link (portal.md §5).
 */
public class LinkedHub {

    public static final int DEFAULT_WEIGHT = 1;

    @Id
    private Long id;
    @Version
    private Long version;
    private String hostName;
    private int allocationWeight;
    private boolean applyAllocationPolicy;
    private String location;
    private Instant created;
    private Instant updated;

    @PersistenceCreator
    LinkedHub() {
    }

    LinkedHub(String hostName, LinkedHubSettings settings, Instant now) {
        this.hostName = hostName;
        this.created = now;
        apply(settings, now);
    }

    void apply(LinkedHubSettings settings, Instant now) {
        this.allocationWeight = settings.allocationWeight();
        this.applyAllocationPolicy = settings.applyAllocationPolicy();
        this.location = settings.location();
        this.updated = now;
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

    /** Lower-case host name, e.g. {@code hub-west.azure-devices.net}; it names the hub. */
    public String hostName() {
        return hostName;
    }

    public int allocationWeight() {
        return allocationWeight;
    }

    public boolean applyAllocationPolicy() {
        return applyAllocationPolicy;
    }

    /** Region used by lowest-latency allocation, e.g. {@code westeurope}; may be null. */
    public String location() {
        return location;
    }

    public LinkedHubSettings settings() {
        return new LinkedHubSettings(allocationWeight, applyAllocationPolicy, location);
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }
}
