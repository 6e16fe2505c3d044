package io.localdps.networking;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges that still connect when public network access is disabled: what Azure's
 * private endpoints are to a self-hosted server. Loopback, RFC 1918, link-local; for IPv6 the
 * loopback, unique-local (fc00::/7) and link-local (fe80::/10) addresses.
 */
final class PrivateNetworks {

    static final List<IpMask> IPV4 = List.of(IpMask.of("127.0.0.0/8"), IpMask.of("10.0.0.0/8"),
            IpMask.of("172.16.0.0/12"), IpMask.of("192.168.0.0/16"), IpMask.of("169.254.0.0/16"));

    private PrivateNetworks() {
    }

    static boolean contains(InetAddress address) {
        Optional<Integer> ipv4 = IpMask.clientAddress(address);
        if (ipv4.isPresent()) {
            return IPV4.stream().anyMatch(range -> range.contains(ipv4.get()));
        }
        byte first = address.getAddress()[0];
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || (first & 0xFE) == 0xFC;
    }
}
