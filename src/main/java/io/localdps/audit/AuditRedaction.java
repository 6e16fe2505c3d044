package io.localdps.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes secrets from a snapshot before anything of it is stored: the audit log's safety net
 * behind publishers that should not pass secrets in the first place. A field is secret by its name
 * (keys, passwords, tokens, connection strings); a text is cut where it would carry one (private key
 * PEM, a URL's credentials and query string, a SAS token). Certificates are public but large: only
 * their length stays, their facts (thumbprints, subject) travel in sibling fields.
 */
final class AuditRedaction {

    static final String HIDDEN = "(secret, not recorded)";

    private static final Pattern URL = Pattern.compile("(?i)\\b((?:https?|wss?|amqps?|mqtts?)://)(?:[^/@\\s?#]*@)?([^?#\\s]*)([?#]\\S*)?");
    private static final Pattern SAS = Pattern.compile("(?i)(SharedAccessSignature|SharedAccessKey=|sig=)");

    private AuditRedaction() {
    }

    /** Whether a field of this name holds a secret, e.g. primaryKey, endorsementKey, password, sasToken. */
    static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("key") || lower.contains("password") || lower.contains("secret") || lower.contains("token")
                || lower.contains("privatekey") || lower.contains("connectionstring") || lower.equals("sig");
    }

    /** A copy of the tree with secret fields replaced by {@link #HIDDEN} and every text made safe. */
    static JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                boolean hidden = secretName(field.getKey()) && !field.getValue().isNull();
                copy.set(field.getKey(), hidden ? StringNode.valueOf(HIDDEN) : redact(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(redact(element)));
            return copy;
        }
        return node.isString() ? StringNode.valueOf(text(node.asString())) : node;
    }

    /** The text without secrets it may embed. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        if (value.contains("-----BEGIN")) {
            return value.contains("PRIVATE KEY") ? HIDDEN : "(PEM, " + value.length() + " characters)";
        }
        if (SAS.matcher(value).find()) {
            return HIDDEN;
        }
        return URL.matcher(value).replaceAll(match -> {
            String query = match.group(3) == null ? "" : "?(query not recorded)";
            return java.util.regex.Matcher.quoteReplacement(match.group(1) + match.group(2) + query);
        });
    }
}
