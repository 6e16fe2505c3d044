package io.localdps.allocation;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which region a device is in, judged by its IP address: the self-hosted stand-in for the latency
 * measurements behind Azure's {@code geoLatency} policy (behaviour.md §5.3). Configured as
 * {@code dps.allocation.client-regions=10.1.0.0/16=westeurope,fd00:2::/32=eastus}; the most specific
 * range containing the address wins.
 */
public final class ClientRegions {

    private static final ClientRegions NONE = new ClientRegions(List.of());

    private final List<Range> rangesMostSpecificFirst;

    private ClientRegions(List<Range> ranges) {
        this.rangesMostSpecificFirst = ranges.stream()
                .sorted(Comparator.comparingInt((Range range) -> range.block().prefixLength()).reversed())
                .toList();
    }

    public static ClientRegions none() {
        return NONE;
    }

    /**
     * @param entries {@code cidr=region} strings
     * @throws IllegalArgumentException naming the first bad entry, so a typo stops the server at startup
     *                                  instead of silently sending devices to the wrong region
     */
    public static ClientRegions parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            Range range = parseEntry(entry);
            for (Range earlier : ranges) {
                if (earlier.block().sameRangeAs(range.block()) && !earlier.region().equals(range.region())) {
                    throw new IllegalArgumentException("dps.allocation.client-regions lists " + range.block()
                            + " for both " + earlier.region() + " and " + range.region());
                }
            }
            ranges.add(range);
        }
        return ranges.isEmpty() ? NONE : new ClientRegions(ranges);
    }

    /** The region of the most specific range containing the address; empty for null or unlisted addresses. */
    public Optional<String> regionOf(InetAddress address) {
        if (address == null) {
            return Optional.empty();
        }
        return rangesMostSpecificFirst.stream()
                .filter(range -> range.block().contains(address))
                .map(Range::region)
                .findFirst();
    }

    public boolean isEmpty() {
        return rangesMostSpecificFirst.isEmpty();
    }

    /** Region names are compared the way admins type them: {@code West Europe} is {@code westeurope}. */
    static String normalizeRegion(String region) {
        return region == null ? "" : region.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static Range parseEntry(String entry) {
        int equals = entry == null ? -1 : entry.lastIndexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("dps.allocation.client-regions entry \"" + entry
                    + "\" must look like 10.1.0.0/16=westeurope");
        }
        String region = normalizeRegion(entry.substring(equals + 1));
        if (region.isEmpty()) {
            throw new IllegalArgumentException("dps.allocation.client-regions entry \"" + entry + "\" names no region");
        }
        try {
            return new Range(CidrBlock.parse(entry.substring(0, equals)), region);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dps.allocation.client-regions entry \"" + entry + "\": " + e.getMessage(), e);
        }
    }

    private record Range(CidrBlock block, String region) {
    }
}
