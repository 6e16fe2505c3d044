package io.localdps.allocation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings of the built-in allocation policies ({@code dps.allocation.*}).
 *
 * @param clientRegions {@code cidr=region} entries mapping device IP ranges to the regions of
 *                      {@code geoLatency} (see {@link ClientRegions}); none by default, which makes
 *                      {@code geoLatency} behave like {@code hashed}
 */
@ConfigurationProperties("dps.allocation")
public record AllocationProperties(@DefaultValue List<String> clientRegions) {

    public AllocationProperties {
        clientRegions = clientRegions == null ? List.of() : List.copyOf(clientRegions);
    }

    public static AllocationProperties defaults() {
        return new AllocationProperties(List.of());
    }
}
