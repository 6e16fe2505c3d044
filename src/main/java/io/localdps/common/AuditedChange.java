package io.localdps.common;

/**
 * A change to a configuration entity, published (Spring's {@code ApplicationEventPublisher}) by a
 * feature service inside the transaction that saves it. The audit log listens synchronously and
 * writes its entry in that same transaction, so a change that rolls back leaves no entry and an
 * entry always means the change was committed. It lives in common so that every feature can
 * publish it without depending on the audit feature.
 *
 * <p>{@code before} and {@code after} are snapshots taken when the event is built (maps, records or
 * other plain values Jackson can write); null where the entity did not or no longer exists. Secrets
 * may be in them only under a field name that says so (ending in "key", or naming a password, token,
 * secret or connection string): the audit log stores such fields as "not recorded" and only says
 * whether they changed. Texts are cleaned too (private key PEM, URL query strings, SAS tokens).
 *
 * @param note a short sentence for what the snapshots cannot show, e.g. "primary key regenerated"; may be null
 */
public record AuditedChange(Kind kind, String entityId, Action action, Object before, Object after, String note) {

    public AuditedChange {
        if (kind == null || entityId == null || action == null) {
            throw new IllegalArgumentException("An audited change names its kind, entity and action");
        }
    }

    public static AuditedChange created(Kind kind, String entityId, Object after) {
        return new AuditedChange(kind, entityId, Action.CREATED, null, after, null);
    }

    public static AuditedChange updated(Kind kind, String entityId, Object before, Object after) {
        return new AuditedChange(kind, entityId, Action.UPDATED, before, after, null);
    }

    public static AuditedChange deleted(Kind kind, String entityId, Object before) {
        return new AuditedChange(kind, entityId, Action.DELETED, before, null, null);
    }

    public AuditedChange withNote(String text) {
        return new AuditedChange(kind, entityId, action, before, after, text);
    }

    /** What was changed. A new kind (e.g. networking) needs only a constant here. */
    public enum Kind {
        INDIVIDUAL_ENROLLMENT("Individual enrollment"),
        ENROLLMENT_GROUP("Enrollment group"),
        LINKED_HUB("Linked IoT hub"),
        CA_CERTIFICATE("CA certificate"),
        LAB_CERTIFICATE("Lab certificate"),
        SHARED_ACCESS_POLICY("Shared access policy"),
        NETWORKING("Networking");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Action {
        CREATED("created"),
        UPDATED("updated"),
        DELETED("deleted"),
        VERIFICATION_CODE_GENERATED("verification code generated"),
        VERIFIED("verified"),
        KEY_REGENERATED("key regenerated");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
