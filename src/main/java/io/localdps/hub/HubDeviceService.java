package io.localdps.hub;

import io.localdps.common.NotFoundException;
import io.localdps.common.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The devices of the simulated hubs as the console shows them. Only linked hubs show devices: an
 * unlinked hub's devices are kept (see {@link LinkedHubService#unlink}) but hidden until the hub is
 * linked again.
 */
@Service
@Transactional(readOnly = true)
public class HubDeviceService {

    private final HubDeviceRepository devices;
    private final LinkedHubRepository hubs;
    private final HubDeviceTable table;

    HubDeviceService(HubDeviceRepository devices, LinkedHubRepository hubs, JdbcClient jdbc) {
        this.devices = devices;
        this.hubs = hubs;
        this.table = new HubDeviceTable(jdbc);
    }

    /**
     * @param deviceIdContains part of the device ID, ignoring case; null or blank for all
     * @param page             sortable by deviceId, authType, iotEdge, status, updated
     */
    public List<HubDeviceSummary> page(String hubHostName, String deviceIdContains, PageRequest page) {
        String hub = normalise(hubHostName);
        return isLinked(hub) ? table.page(hub, deviceIdContains, page) : List.of();
    }

    public long count(String hubHostName, String deviceIdContains) {
        String hub = normalise(hubHostName);
        return isLinked(hub) ? table.count(hub, deviceIdContains) : 0;
    }

    public long count(String hubHostName) {
        String hub = normalise(hubHostName);
        return isLinked(hub) ? devices.countByHubHostName(hub) : 0;
    }

    public Optional<HubDeviceDetails> details(String hubHostName, String deviceId) {
        String hub = normalise(hubHostName);
        if (!isLinked(hub) || deviceId == null) {
            return Optional.empty();
        }
        return devices.findByHubHostNameAndDeviceId(hub, deviceId)
                .map(device -> new HubDeviceDetails(device.record(), device.twin()));
    }

    /**
     * Deletes the device from its hub, as an operator can in IoT Hub. DPS's registration record stays;
     * the device's next registration creates it again.
     */
    @Transactional
    public void delete(String hubHostName, String deviceId) {
        String hub = normalise(hubHostName);
        HubDevice device = (isLinked(hub) && deviceId != null
                ? devices.findByHubHostNameAndDeviceId(hub, deviceId) : Optional.<HubDevice>empty())
                .orElseThrow(() -> new NotFoundException("The IoT hub " + hub + " has no device " + deviceId + "."));
        devices.delete(device);
    }

    private boolean isLinked(String hub) {
        return hubs.existsByHostName(hub);
    }

    private static String normalise(String hubHostName) {
        return hubHostName == null ? "" : hubHostName.trim().toLowerCase(Locale.ROOT);
    }
}
