package io.localdps.registration;

import io.localdps.common.NotFoundException;
import io.localdps.common.PageRequest;
import io.localdps.common.QueryColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registration records for admins: lazy pages for the console's grids, details, delete. Deleting a
 * record does not touch the hub; the device's next registration is an initial assignment again.
 */
@Service
@Transactional(readOnly = true)
public class RegistrationRecordService {

    private static final Map<String, String> SORTABLE = Map.of(
            "registrationId", "registration_key", "status", "status", "assignedHub", "assigned_hub",
            "deviceId", "device_id", "enrollmentGroupId", "group_key", "updated", "updated");
    private static final QueryColumns QUERYABLE = new QueryColumns(Map.of(
            "registrationId", QueryColumns.lowerCase("registration_key"),
            "deviceId", QueryColumns.text("device_id"),
            "status", QueryColumns.enumerated("status", RegistrationStatus.class),
            "substatus", QueryColumns.enumerated("substatus", Substatus.class),
            "assignedHub", QueryColumns.lowerCase("assigned_hub")));

    private final RegistrationRecordRepository records;
    private final JdbcClient jdbc;

    RegistrationRecordService(RegistrationRecordRepository records, JdbcClient jdbc) {
        this.records = records;
        this.jdbc = jdbc;
    }

    public List<RegistrationRecord> page(RecordFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String column = SORTABLE.getOrDefault(page.sortBy() == null ? "" : page.sortBy(), "registration_key");
        String direction = page.ascending() ? "ASC" : "DESC";
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        String where = where(filter, params);
        String sql = "SELECT id FROM registration_record" + where + " ORDER BY " + column + " " + direction
                + ", registration_key " + direction + " LIMIT :limit OFFSET :offset";
        if (page.afterKey() != null) {
            params.put("after", page.afterKey());
            sql = "SELECT id FROM registration_record" + where + (where.isEmpty() ? " WHERE " : " AND ")
                    + "registration_key > :after ORDER BY registration_key LIMIT :limit";
        }
        List<Long> ids = jdbc.sql(sql).params(params).query(Long.class).list();
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        List<RegistrationRecord> loaded = new ArrayList<>(records.findAllById(ids));
        loaded.sort(Comparator.comparing(record -> order.get(record.id())));
        return loaded;
    }

    public long count(RecordFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM registration_record" + where(filter, params)).params(params)
                .query(Long.class).single();
    }

    public long count() {
        return records.count();
    }

    public java.util.Optional<RegistrationRecord> find(String registrationId) {
        return records.findByRegistrationKey(RegistrationRecord.keyOf(registrationId));
    }

    public RegistrationRecord get(String registrationId) {
        return records.findByRegistrationKey(RegistrationRecord.keyOf(registrationId))
                .orElseThrow(() -> new NotFoundException("There is no registration record for " + registrationId + "."));
    }

    @Transactional
    public int delete(Collection<String> registrationIds) {
        List<RegistrationRecord> found = registrationIds.stream()
                .flatMap(id -> records.findByRegistrationKey(RegistrationRecord.keyOf(id)).stream()).toList();
        records.deleteAll(found);
        return found.size();
    }

    /** The service API's DELETE: 404 when absent, stale when If-Match is given and differs (service-api.md §4.1). */
    @Transactional
    public void delete(String registrationId, String ifMatch) {
        RegistrationRecord record = get(registrationId);
        if (ifMatch != null && !ifMatch.isBlank() && !io.localdps.common.EntityTag.matches(ifMatch, record.etag())) {
            throw new io.localdps.common.StaleVersionException(
                    "The ETag in If-Match does not match the current ETag of the registration record " + registrationId + ".");
        }
        records.delete(record);
    }

    private static String where(RecordFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.idContains() != null && !filter.idContains().isBlank()) {
            conditions.add("registration_key LIKE :id ESCAPE '\\'");
            params.put("id", "%" + filter.idContains().trim().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.assignedHub() != null && !filter.assignedHub().isBlank()) {
            conditions.add("assigned_hub = :hub");
            params.put("hub", filter.assignedHub().toLowerCase(Locale.ROOT));
        }
        if (filter.enrollmentGroupId() != null && !filter.enrollmentGroupId().isBlank()) {
            conditions.add("group_key = :group");
            params.put("group", filter.enrollmentGroupId().toLowerCase(Locale.ROOT));
        }
        if (filter.where() != null) {
            conditions.add(QUERYABLE.toSql(filter.where(), params));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
