package io.localdps.common;

/**
 * The ETag of an aggregate, made from its row id and version column. Opaque to clients and
 * quoted as the spec asks (behaviour.md §13); a version change is an ETag change.
 */
public final class EntityTag {

    private EntityTag() {
    }

    public static String of(Long id, Long version) {
        if (id == null || version == null) {
            return null;
        }
        return "\"" + Long.toHexString(id) + "-" + Long.toHexString(version) + "\"";
    }

    /** Compares an If-Match value with an ETag after stripping quotes and a weak prefix; {@code *} matches anything. */
    public static boolean matches(String ifMatch, String etag) {
        if (ifMatch == null) {
            return true;
        }
        String wanted = strip(ifMatch);
        return "*".equals(wanted) || (etag != null && wanted.equals(strip(etag)));
    }

    private static String strip(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }
}
