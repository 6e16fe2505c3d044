package io.localdps.audit;

import io.localdps.common.AuditActor;
import io.localdps.common.AuditedChange;
import io.localdps.common.Json;
import io.localdps.common.PageRequest;
import io.localdps.common.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit log: records every {@link AuditedChange} a feature publishes and lists them for the
 * console. Recording runs on the publisher's thread and joins its transaction (a plain, not a
 * transactional-after-commit, listener), so the entry commits or rolls back with the change.
 */
@Service
@Transactional(readOnly = true)
public class AuditLogService {

    private static final Logger log = LoggerFactory.getLogger(AuditLogService.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    /** @param retention how long entries are kept; the log would otherwise grow with every change forever */
    AuditLogService(JdbcClient jdbc, Clock clock, @Value("${dps.audit.retention:P365D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** Removes the entries older than the retention; runs hourly on every node (the delete is idempotent). */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${dps.audit.prune-interval:PT1H}")
    @Transactional
    public int prune() {
        try {
            int removed = jdbc.sql("DELETE FROM audit_entry WHERE occurred < :cutoff")
                    .param("cutoff", OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC))
                    .update();
            if (removed > 0) {
                log.info("Audit log: removed {} entries older than {}", removed, retention);
            }
            return removed;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            log.warn("Audit log: pruning skipped, the database is unavailable ({})", e.getMessage());
            return 0;
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditedChange change) {
        JsonNode before = change.before() == null ? null : Json.mapper().valueToTree(change.before());
        JsonNode after = change.after() == null ? null : Json.mapper().valueToTree(change.after());
        ObjectNode details = Json.emptyObject();
        details.set("before", AuditRedaction.redact(before));
        details.set("after", AuditRedaction.redact(after));
        jdbc.sql("INSERT INTO audit_entry (occurred, actor, action, entity_kind, entity_id, summary, details) "
                        + "VALUES (:occurred, :actor, :action, :kind, :entity, :summary, :details)")
                .param("occurred", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", limit(currentActor(), 200))
                .param("action", change.action().name())
                .param("kind", change.kind().name())
                .param("entity", limit(change.entityId(), 300))
                .param("summary", ChangeSummary.of(change, before, after))
                .param("details", Json.write(details))
                .update();
    }

    /** Newest first. */
    public List<AuditEntry> page(AuditFilter filter, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT id, occurred, actor, action, entity_kind, entity_id, summary, details FROM audit_entry"
                        + where + " ORDER BY occurred DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query(AuditLogService::entry).list();
    }

    public long count(AuditFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where).params(params).query(Long.class).single();
    }

    /**
     * The explicit actor of this thread (service API policy, command line), else the signed-in
     * console user, else "system".
     */
    static String currentActor() {
        return AuditActor.current().orElseGet(() -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean user = authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken);
            return user ? authentication.getName() : AuditActor.SYSTEM;
        });
    }

    private static String where(AuditFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.kind() != null) {
            conditions.add("entity_kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (present(filter.actorContains())) {
            conditions.add("LOWER(actor) LIKE :actor ESCAPE '\\'");
            params.put("actor", like(filter.actorContains()));
        }
        if (present(filter.textContains())) {
            conditions.add("(LOWER(entity_id) LIKE :text ESCAPE '\\' OR LOWER(summary) LIKE :text ESCAPE '\\')");
            params.put("text", like(filter.textContains()));
        }
        if (filter.from() != null) {
            conditions.add("occurred >= :from");
            params.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            conditions.add("occurred < :until");
            params.put("until", OffsetDateTime.ofInstant(filter.until(), ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), AuditedChange.Action.valueOf(rs.getString("action")),
                AuditedChange.Kind.valueOf(rs.getString("entity_kind")), rs.getString("entity_id"),
                rs.getString("summary"), rs.getString("details"));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String like(String text) {
        String escaped = text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
