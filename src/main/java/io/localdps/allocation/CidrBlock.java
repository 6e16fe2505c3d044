package io.localdps.allocation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address range such as {@code 10.1.0.0/16} or {@code fd00:1::/32}. */
final class CidrBlock {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;

    private CidrBlock(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code address/prefix}; a bare address is a single host. Host bits after the prefix are
     * ignored, so {@code 10.1.2.3/16} means {@code 10.1.0.0/16}.
     *
     * @throws IllegalArgumentException with a sentence naming the problem
     */
    static CidrBlock parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = literalAddress(addressText);
        int maxPrefix = address.length * 8;
        int prefix = slash < 0 ? maxPrefix : prefixLength(trimmed.substring(slash + 1), maxPrefix, trimmed);
        return new CidrBlock(masked(address, prefix), prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.length && Arrays.equals(masked(candidate, prefixLength), network);
    }

    int prefixLength() {
        return prefixLength;
    }

    boolean sameRangeAs(CidrBlock other) {
        return prefixLength == other.prefixLength && Arrays.equals(network, other.network);
    }

    // InetAddress.getByName would resolve a host name through DNS; only literals may reach it.
    private static byte[] literalAddress(String text) {
        boolean ipv4 = IPV4_LITERAL.matcher(text).matches()
                && Arrays.stream(text.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (!ipv4 && !IPV6_LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 address");
        }
    }

    private static int prefixLength(String text, int maxPrefix, String block) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= maxPrefix) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below together with the out-of-range case
        }
        throw new IllegalArgumentException("The prefix length in \"" + block + "\" must be a number from 0 to " + maxPrefix);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int bitsKept = Math.clamp(prefix - i * 8L, 0, 8);
            result[i] &= (byte) (0xff00 >> bitsKept);
        }
        return result;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
