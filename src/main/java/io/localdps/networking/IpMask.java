package io.localdps.networking;

import io.netty.util.NetUtil;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv4 address or CIDR block, the {@code ipMask} of an IP filter rule (security.md §5). A bare
 * address is the /32 block. Parsed strictly, without any name lookup: Netty's literal parser, no
 * {@code InetAddress.getByName}, so "localhost" or a host name is an error, never a DNS query.
 *
 * @param network      the block's first address as an unsigned 32-bit value in an int
 * @param prefixLength 0 to 32
 */
public record IpMask(int network, int prefixLength) {

    public IpMask {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength);
        }
        if ((network & ~netmask(prefixLength)) != 0) {
            throw new IllegalArgumentException("host bits set");
        }
    }

    /** The mask, or a message saying what is wrong with the text (for the field). */
    public static Parsed parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return Parsed.problem("Enter an IPv4 address (10.0.0.1) or range in CIDR notation (10.0.0.0/8).");
        }
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (!NetUtil.isValidIpV4Address(address)) {
            return Parsed.problem("\"" + address + "\" is not an IPv4 address; use four numbers 0 to 255, e.g. 10.0.0.0/8.");
        }
        int prefix = 32;
        if (slash >= 0) {
            String bits = value.substring(slash + 1);
            if (!bits.matches("\\d{1,2}") || Integer.parseInt(bits) > 32) {
                return Parsed.problem("The prefix length after '/' must be a number from 0 to 32.");
            }
            prefix = Integer.parseInt(bits);
        }
        int ip = toInt(NetUtil.createByteArrayFromIpAddressString(address));
        int network = ip & netmask(prefix);
        if (network != ip) {
            return Parsed.problem(value + " has bits set after the first " + prefix + "; the range starts at "
                    + format(network) + "/" + prefix + ".");
        }
        return new Parsed(Optional.of(new IpMask(network, prefix)), Optional.empty());
    }

    /** @throws IllegalArgumentException with the field message */
    public static IpMask of(String text) {
        Parsed parsed = parse(text);
        return parsed.mask().orElseThrow(() -> new IllegalArgumentException(parsed.problem().orElseThrow()));
    }

    /** True when the client address lies in this block (an IPv4 address, as {@link #clientAddress} gives it). */
    public boolean contains(int address) {
        return (address & netmask(prefixLength)) == network;
    }

    /** True when every address of {@code other} is in this block. */
    public boolean covers(IpMask other) {
        return other.prefixLength >= prefixLength && contains(other.network);
    }

    /** True when the two blocks share at least one address (CIDR blocks either nest or are disjoint). */
    public boolean overlaps(IpMask other) {
        return covers(other) || other.covers(this);
    }

    /** 0.0.0.0/0: every client, including IPv6 ones (see {@link #clientAddress}). */
    public boolean everything() {
        return prefixLength == 0;
    }

    /**
     * A connection's address as a 32-bit IPv4 value, or empty for a genuine IPv6 client. IPv4-mapped
     * addresses ({@code ::ffff:10.1.2.3}, dual-stack sockets) count as their IPv4 address, and the
     * IPv6 loopback {@code ::1} as 127.0.0.1, so that "localhost" means one thing whichever family
     * the client's resolver picked.
     */
    public static Optional<Integer> clientAddress(InetAddress address) {
        if (address instanceof Inet4Address) {
            return Optional.of(toInt(address.getAddress()));
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            if (address.isLoopbackAddress()) {
                return Optional.of(0x7F000001);
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF) {
                return Optional.of(toInt(new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]}));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return prefixLength == 32 ? format(network) : format(network) + "/" + prefixLength;
    }

    static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    private static int netmask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    private static int toInt(byte[] bytes) {
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
    }

    /** Exactly one of the two is present. */
    public record Parsed(Optional<IpMask> mask, Optional<String> problem) {
        static Parsed problem(String message) {
            return new Parsed(Optional.empty(), Optional.of(message));
        }
    }
}
