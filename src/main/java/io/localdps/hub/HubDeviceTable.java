package io.localdps.hub;

import io.localdps.common.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filtered, sorted pages of one hub's devices for the lazy grid. Reads only the key columns, so a
 * page never loads credentials or twins.
 */
final class HubDeviceTable {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "deviceId", "device_id",
            "authType", "auth_type",
            "iotEdge", "iot_edge",
            "status", "status",
            "updated", "updated");

    private final JdbcClient jdbc;

    HubDeviceTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HubDeviceSummary> page(String hubHostName, String deviceIdContains, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String column = SORT_COLUMNS.getOrDefault(page.sortBy() == null ? "" : page.sortBy(), "device_id");
        String direction = page.ascending() ? "ASC" : "DESC";
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        return jdbc.sql("SELECT hub_host_name, device_id, auth_type, iot_edge, status, updated FROM hub_device"
                        + where(hubHostName, deviceIdContains, params)
                        + " ORDER BY " + column + " " + direction + ", device_id " + direction
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> new HubDeviceSummary(rs.getString("hub_host_name"), rs.getString("device_id"),
                        AuthenticationType.valueOf(rs.getString("auth_type")), rs.getBoolean("iot_edge"),
                        DeviceStatus.valueOf(rs.getString("status")), instant(rs.getObject("updated", OffsetDateTime.class))))
                .list();
    }

    long count(String hubHostName, String deviceIdContains) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM hub_device" + where(hubHostName, deviceIdContains, params))
                .params(params).query(Long.class).single();
    }

    /** Device IDs are case-sensitive, but someone looking for "Sensor" means "sensor" too. */
    private static String where(String hubHostName, String deviceIdContains, Map<String, Object> params) {
        params.put("hub", hubHostName);
        if (deviceIdContains == null || deviceIdContains.isBlank()) {
            return " WHERE hub_host_name = :hub";
        }
        params.put("id", "%" + escapeLike(deviceIdContains.trim().toLowerCase(Locale.ROOT)) + "%");
        return " WHERE hub_host_name = :hub AND LOWER(device_id) LIKE :id ESCAPE '\\'";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
