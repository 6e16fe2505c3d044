package io.localdps.audit;

import io.localdps.common.AuditedChange;

import java.time.Instant;

/**
 * One recorded change, as the console shows it.
 *
 * @param summary field-level text such as {@code deviceId: a → b}
 * @param details JSON {@code {"before": ..., "after": ...}} without secrets
 */
public record AuditEntry(long id, Instant occurred, String actor, AuditedChange.Action action,
                         AuditedChange.Kind kind, String entityId, String summary, String details) {
}
