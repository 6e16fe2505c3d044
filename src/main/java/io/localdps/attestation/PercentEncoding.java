package io.localdps.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as SAS tokens need it. {@link java.net.URLDecoder} is not usable: it
 * is form decoding and turns {@code +} into a space, which breaks any base64 signature that
 * contains a {@code +} sent unescaped (security.md §1.2, §1.3a service vector).
 */
final class PercentEncoding {

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private PercentEncoding() {
    }

    /**
     * @throws IllegalArgumentException for a {@code %} not followed by two hex digits, or bytes that
     *                                  are not UTF-8
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int percent = text.indexOf('%', i);
            if (percent < 0) {
                percent = text.length();
            }
            // Literal runs (including '+') pass through unchanged as UTF-8.
            bytes.writeBytes(text.substring(i, percent).getBytes(StandardCharsets.UTF_8));
            if (percent == text.length()) {
                break;
            }
            int high = percent + 1 < text.length() ? hexValue(text.charAt(percent + 1)) : -1;
            int low = percent + 2 < text.length() ? hexValue(text.charAt(percent + 2)) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("'%' at position " + percent + " is not followed by two hex digits");
            }
            bytes.write(high << 4 | low);
            i = percent + 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded bytes are not UTF-8");
        }
    }

    /**
     * Encodes everything but RFC 3986 unreserved characters, so {@code /} and {@code :} are
     * escaped as the C, C# and Python SDKs escape them in {@code sr}.
     */
    static String encode(String text, boolean upperCaseHex) {
        char[] hex = upperCaseHex ? UPPER_HEX : LOWER_HEX;
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(hex[c >> 4]).append(hex[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** ASCII only: {@link Character#digit} would also accept e.g. full-width digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
