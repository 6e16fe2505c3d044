package io.localdps.audit;

import io.localdps.common.AuditedChange;

import java.time.Instant;

/**
 * What the audit log's grid filters by; every member may be null (no filter).
 *
 * @param actorContains   part of the actor, ignoring case
 * @param textContains    part of the entity ID or the summary, ignoring case
 * @param from            earliest time, inclusive
 * @param until           latest time, exclusive
 */
public record AuditFilter(AuditedChange.Kind kind, String actorContains, String textContains, Instant from, Instant until) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
