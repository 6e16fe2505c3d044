package io.localdps.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * The Node client decodes response payloads as ASCII (device-api.md §5.4), so every non-ASCII
 * character is written as a JSON {@code \\uXXXX} escape. In JSON text such characters can only
 * occur inside strings, where the escape means the same character.
 */
final class AsciiJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AsciiJson() {
    }

    static byte[] bytes(String json) {
        if (json == null || json.isEmpty()) {
            return new byte[0];
        }
        StringBuilder ascii = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                if (ascii != null) {
                    ascii.append(c);
                }
                continue;
            }
            if (ascii == null) {
                ascii = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            // UTF-16 code units, so characters outside the BMP become a surrogate pair of escapes.
            ascii.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
        }
        return (ascii == null ? json : ascii.toString()).getBytes(StandardCharsets.US_ASCII);
    }
}
