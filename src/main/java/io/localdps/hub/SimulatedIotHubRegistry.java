package io.localdps.hub;

import io.localdps.common.InvalidInputException;
import io.localdps.common.IotHubRules;
import io.localdps.common.NotFoundException;
import io.localdps.common.StaleVersionException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The linked hubs' identity registries, simulated in the product's database. A hub exists for DPS
 * while it is linked: calls for any other host name fail as a real hub without credentials would.
 * Each call is one transaction, so a failing call changes nothing.
 */
@Service
@Transactional
public class SimulatedIotHubRegistry implements IotHubRegistry {

    static final String TAGS = "tags";
    static final String DESIRED = "properties.desired";
    static final String REPORTED = "properties.reported";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HubDeviceRepository devices;
    private final LinkedHubRepository hubs;
    private final Clock clock;

    SimulatedIotHubRegistry(HubDeviceRepository devices, LinkedHubRepository hubs, Clock clock) {
        this.devices = devices;
        this.hubs = hubs;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeviceRecord> findDevice(String hubHostName, String deviceId) {
        return find(linked(hubHostName), deviceId).map(HubDevice::record);
    }

    @Override
    public DeviceUpsert createOrUpdateDevice(String hubHostName, DeviceIdentity identity) {
        DeviceIdentity checked = DeviceIdentityRules.checked(identity);
        return upsert(linked(hubHostName), checked, Optional.empty());
    }

    /** One read and one write of the device instead of two of each; a twin IoT Hub would refuse changes nothing. */
    @Override
    public DeviceUpsert createOrUpdateDevice(String hubHostName, DeviceIdentity identity, TwinContent twin) {
        DeviceIdentity checked = DeviceIdentityRules.checked(identity);
        TwinContent content = checkedTwin(twin);
        return upsert(linked(hubHostName), checked, Optional.of(content));
    }

    @Override
    public boolean deleteDevice(String hubHostName, String deviceId) {
        Optional<HubDevice> device = find(linked(hubHostName), deviceId);
        device.ifPresent(devices::delete);
        return device.isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeviceTwin> getTwin(String hubHostName, String deviceId) {
        return find(linked(hubHostName), deviceId).map(HubDevice::twin);
    }

    @Override
    public DeviceTwin replaceTwin(String hubHostName, String deviceId, TwinContent twin) {
        TwinContent content = checkedTwin(twin);
        HubDevice device = require(linked(hubHostName), deviceId);
        device.replaceTwin(content, now());
        return save(device).twin();
    }

    private static TwinContent checkedTwin(TwinContent twin) {
        TwinContent content = twin == null ? TwinContent.empty() : twin;
        Map<String, String> errors = new LinkedHashMap<>();
        IotHubRules.twinSectionProblem(content.tags(), "tags", IotHubRules.MAX_TAGS_BYTES)
                .ifPresent(m -> errors.put(TAGS, m));
        IotHubRules.twinSectionProblem(content.desiredProperties(), "desired properties", IotHubRules.MAX_DESIRED_BYTES)
                .ifPresent(m -> errors.put(DESIRED, m));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return content;
    }

    @Override
    public DeviceUpsert migrateDevice(String fromHubHostName, String toHubHostName, DeviceIdentity identity) {
        DeviceIdentity checked = DeviceIdentityRules.checked(identity);
        String from = linked(fromHubHostName);
        String to = linked(toHubHostName);
        if (from.equals(to)) {
            return upsert(to, checked, Optional.empty());
        }
        Optional<HubDevice> source = find(from, checked.deviceId());
        DeviceUpsert moved = upsert(to, checked, source.map(old -> old.twin().content()));
        source.ifPresent(devices::delete);
        return moved;
    }

    /**
     * What a simulated device sends as a reported-properties update (JSON merge patch). DPS itself
     * never writes reported properties; this is for the device simulator and tests.
     */
    public DeviceTwin reportProperties(String hubHostName, String deviceId, ObjectNode patch) {
        HubDevice device = require(linked(hubHostName), deviceId);
        ObjectNode after = device.reportedAfter(patch);
        IotHubRules.twinSectionProblem(after, "reported properties", IotHubRules.MAX_REPORTED_BYTES).ifPresent(m -> {
            throw new InvalidInputException(REPORTED, m);
        });
        device.patchReported(patch, now());
        return save(device).twin();
    }

    private String linked(String hubHostName) {
        String host = hubHostName == null ? "" : hubHostName.trim().toLowerCase(Locale.ROOT);
        if (!hubs.existsByHostName(host)) {
            throw HubUnavailableException.notLinked(host);
        }
        return host;
    }

    private Optional<HubDevice> find(String hub, String deviceId) {
        return deviceId == null ? Optional.empty() : devices.findByHubHostNameAndDeviceId(hub, deviceId);
    }

    /** Creates or updates the device; a twin, when given, replaces its tags and desired properties. */
    private DeviceUpsert upsert(String hub, DeviceIdentity identity, Optional<TwinContent> twin) {
        Optional<HubDevice> existing = find(hub, identity.deviceId());
        HubDevice device = existing.orElseGet(() -> new HubDevice(hub, identity, newGenerationId(), now()));
        existing.ifPresent(found -> found.updateIdentity(identity, now()));
        twin.ifPresent(content -> device.replaceTwin(content, now()));
        return new DeviceUpsert(save(device).record(), existing.isEmpty());
    }

    private HubDevice require(String hub, String deviceId) {
        return find(hub, deviceId).orElseThrow(() ->
                new NotFoundException("The IoT hub " + hub + " has no device " + deviceId + "."));
    }

    private HubDevice save(HubDevice device) {
        try {
            return devices.save(device);
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw new StaleVersionException("The device " + device.deviceId() + " in " + device.hubHostName()
                    + " was changed at the same time by another request. Nothing was saved; try again.");
        }
    }

    /** Truncated to what both databases store, so a returned device equals the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** IoT Hub's generation IDs are 18-digit numbers. */
    private static String newGenerationId() {
        return Long.toString(100_000_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 900_000_000_000_000_000L);
    }
}
