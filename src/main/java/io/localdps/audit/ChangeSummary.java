package io.localdps.audit;

import io.localdps.common.AuditedChange;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one-line, field-level text of a change: {@code deviceId: a → b; settings.iotEdge: false → true}.
 * Computed from the unredacted snapshots so that a changed secret still shows as changed, but no
 * secret value is ever written: a secret field reads "changed" and every other value passes
 * through {@link AuditRedaction#text}.
 */
final class ChangeSummary {

    static final int MAX_LENGTH = 4000;
    private static final int MAX_VALUE = 120;

    private ChangeSummary() {
    }

    static String of(AuditedChange change, JsonNode before, JsonNode after) {
        List<String> parts = new ArrayList<>();
        if (change.note() != null && !change.note().isBlank()) {
            parts.add(AuditRedaction.text(change.note().trim()));
        }
        Map<String, Leaf> old = flatten(before);
        Map<String, Leaf> now = flatten(after);
        if (change.action() == AuditedChange.Action.CREATED || (before == null && after != null)) {
            now.forEach((path, leaf) -> {
                if (!leaf.isNull() && !leaf.raw().equals("{}") && !leaf.raw().equals("[]")) {
                    parts.add(path + ": " + leaf.shown());
                }
            });
        } else if (after == null) {
            if (parts.isEmpty()) {
                parts.add("removed");
            }
        } else {
            Set<String> paths = new LinkedHashSet<>(old.keySet());
            paths.addAll(now.keySet());
            for (String path : paths) {
                Leaf was = old.getOrDefault(path, Leaf.NULL);
                Leaf is = now.getOrDefault(path, Leaf.NULL);
                if (!was.raw().equals(is.raw())) {
                    parts.add(was.secret() || is.secret() ? path + ": changed (value not recorded)"
                            : path + ": " + was.shown() + " → " + is.shown());
                }
            }
            if (parts.isEmpty()) {
                parts.add("no field changed");
            }
        }
        String text = String.join("; ", parts);
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** Leaves by dotted path; arrays of plain values stay one leaf, e.g. {@code rights: [EnrollmentRead, ...]}. */
    private static Map<String, Leaf> flatten(JsonNode node) {
        Map<String, Leaf> leaves = new LinkedHashMap<>();
        if (node != null) {
            flatten("", node, false, leaves);
        }
        return leaves;
    }

    private static void flatten(String path, JsonNode node, boolean secret, Map<String, Leaf> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                flatten(child, field.getValue(), secret || AuditRedaction.secretName(field.getKey()), leaves);
            }
        } else if (node.isArray() && node.valueStream().anyMatch(JsonNode::isContainer)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), secret, leaves);
            }
        } else if (!path.isEmpty()) {
            leaves.put(path, new Leaf(node.isString() ? node.asString() : node.toString(), secret, node.isNull()));
        }
    }

    private record Leaf(String raw, boolean secret, boolean isNull) {
        static final Leaf NULL = new Leaf("null", false, true);

        String shown() {
            if (isNull) {
                return "—";
            }
            if (secret) {
                return AuditRedaction.HIDDEN;
            }
            String safe = AuditRedaction.text(raw);
            return safe.length() <= MAX_VALUE ? safe : safe.substring(0, MAX_VALUE - 1) + "…";
        }
    }
}
