package io.localdps.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming pattern of a fleet's registration IDs: {@code {n}} is the device number, {@code {n:05}}
 * the number zero-padded to 5 digits; e.g. {@code sim-{n:05}} → {@code sim-00001}. The result must
 * be a valid registration ID (lower-case alphanumerics and {@code - . _ :}, at most 128 characters).
 *
 * @param pattern the pattern text
 */
public record IdPattern(String pattern) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{n(?::(0?)(\\d{1,2}))?}");
    private static final Pattern REGISTRATION_ID = Pattern.compile("[a-z0-9\\-._:]{1,128}");

    public IdPattern {
        if (pattern == null || !PLACEHOLDER.matcher(pattern).find()) {
            throw new IllegalArgumentException("the ID pattern needs the device number {n}, e.g. sim-{n:05}");
        }
        String sample = format(pattern, 1);
        if (!REGISTRATION_ID.matcher(sample).matches()) {
            throw new IllegalArgumentException("'" + sample + "' is not a registration ID: use lower-case letters, digits and - . _ : (at most 128)");
        }
    }

    /** The name of device number {@code n}. */
    public String format(long n) {
        return format(pattern, n);
    }

    private static String format(String pattern, long n) {
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String number = Long.toString(n);
            if (matcher.group(2) != null) {
                int width = Integer.parseInt(matcher.group(2));
                char pad = matcher.group(1).isEmpty() ? ' ' : '0';
                number = String.valueOf(pad).repeat(Math.max(0, width - number.length())) + number;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(number));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
