package io.localdps.attestation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code SharedAccessSignature sr=..&sig=..&se=..[&skn=..]} token (security.md §1.1, §2.2).
 *
 * <p>Keeps {@code sr} and {@code se} exactly as sent, because the signature covers those raw
 * substrings and the SDKs disagree on how to encode {@code sr}. Decoded values are for comparing
 * the resource and reading the key name; nothing here is ever re-encoded for the HMAC input.
 */
public final class SasToken {

    public static final String SCHEME = "SharedAccessSignature";

    private final String resourceAsSent;
    private final String resource;
    private final String expiryAsSent;
    private final long expiryEpochSeconds;
    private final byte[] signature;
    private final String keyName;

    private SasToken(String resourceAsSent, String resource, String expiryAsSent, long expiryEpochSeconds,
                     byte[] signature, String keyName) {
        this.resourceAsSent = resourceAsSent;
        this.resource = resource;
        this.expiryAsSent = expiryAsSent;
        this.expiryEpochSeconds = expiryEpochSeconds;
        this.signature = signature;
        this.keyName = keyName;
    }

    /**
     * Parses per security.md §1.2 step 1: scheme case-insensitive, fields in any order, each split
     * on its first {@code =}, duplicates refused; {@code sr}, {@code sig}, {@code se} required.
     *
     * @throws MalformedSasTokenException naming what is wrong (never echoing the signature)
     */
    public static SasToken parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedSasTokenException("no SAS token");
        }
        String trimmed = text.strip();
        if (trimmed.length() <= SCHEME.length()
                || !trimmed.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !isBlank(trimmed.charAt(SCHEME.length()))) {
            throw new MalformedSasTokenException("not a SharedAccessSignature token");
        }
        Map<String, String> fields = fields(trimmed.substring(SCHEME.length()).strip());

        String resourceAsSent = required(fields, "sr");
        String signatureAsSent = required(fields, "sig");
        String expiryAsSent = required(fields, "se");
        String keyNameAsSent = fields.get("skn");

        return new SasToken(resourceAsSent, decode("sr", resourceAsSent), expiryAsSent, expiry(expiryAsSent),
                signature(signatureAsSent), keyNameAsSent == null ? null : decode("skn", keyNameAsSent));
    }

    private static Map<String, String> fields(String remainder) {
        Map<String, String> fields = new HashMap<>();
        for (String part : remainder.split("&", -1)) {
            if (part.isEmpty()) {
                continue; // a stray "&&" or trailing "&" carries nothing; refusing it would gain nothing
            }
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new MalformedSasTokenException("field without '=' in SAS token");
            }
            // Field names compared case-insensitively: no SDK varies them, and a duplicate that differs
            // only in case must still count as a duplicate.
            String name = part.substring(0, equals).toLowerCase(Locale.ROOT);
            if (fields.putIfAbsent(name, part.substring(equals + 1)) != null) {
                throw new MalformedSasTokenException("duplicate field '" + name + "' in SAS token");
            }
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedSasTokenException("SAS token has no '" + name + "'");
        }
        return value;
    }

    private static String decode(String field, String value) {
        try {
            return PercentEncoding.decode(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedSasTokenException("'" + field + "' is not percent-encoded correctly: " + e.getMessage());
        }
    }

    private static long expiry(String expiryAsSent) {
        // Digits only: every SDK sends an integer; a sign, a fraction or a huge value is a forgery or a bug.
        if (expiryAsSent.length() > 12 || !expiryAsSent.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedSasTokenException("'se' must be whole seconds since 1970 (digits only)");
        }
        return Long.parseLong(expiryAsSent);
    }

    private static byte[] signature(String signatureAsSent) {
        String base64 = decode("sig", signatureAsSent);
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedSasTokenException("'sig' is not base64 after percent-decoding");
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** {@code sr} exactly as it appears in the token: the HMAC covers this text. */
    public String resourceAsSent() {
        return resourceAsSent;
    }

    /** {@code sr} percent-decoded ({@code +} kept as {@code +}): the text to compare with the request. */
    public String resource() {
        return resource;
    }

    /** {@code se} exactly as it appears in the token: the HMAC covers this text. */
    public String expiryAsSent() {
        return expiryAsSent;
    }

    public long expiryEpochSeconds() {
        return expiryEpochSeconds;
    }

    public Instant expiry() {
        return Instant.ofEpochSecond(expiryEpochSeconds);
    }

    /** Expired when {@code se <= now} (security.md §1.2 step 2; the spec allows no clock skew). */
    public boolean isExpiredAt(Instant now) {
        return expiryEpochSeconds <= now.getEpochSecond();
    }

    /** Decoded {@code skn}; empty when the field is absent (Python SDK), "" when sent empty (Java SDK). */
    public Optional<String> keyName() {
        return Optional.ofNullable(keyName);
    }

    /** The signature bytes; package-private so only the verifiers handle them. */
    byte[] signature() {
        return signature.clone();
    }

    /** The HMAC input the sender used, for a given spelling of {@code sr}. */
    byte[] stringToSign(String resourceSpelling) {
        return (resourceSpelling + "\n" + expiryAsSent).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Device-supplied text made safe for a log line or a failure detail: control characters (a
     * decoded {@code sr} may hold {@code %0A}) become {@code ?} and the length is capped.
     */
    static String forLog(String text) {
        String capped = text.length() > 160 ? text.substring(0, 160) + "..." : text;
        StringBuilder out = new StringBuilder(capped.length());
        capped.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /** Deliberately omits the signature. */
    @Override
    public String toString() {
        return "SasToken[sr=" + forLog(resourceAsSent) + ", se=" + expiryAsSent
                + (keyName == null ? "" : ", skn=" + forLog(keyName)) + "]";
    }
}
