package io.localdps.networking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code dps.networking.*}.
 *
 * @param maxIpFilterRules behaviour.md §10: 100
 * @param refreshInterval  how often each node asks the database whether another node changed the
 *                         rules; a change made on this node applies here at once, on other nodes
 *                         within this interval
 */
@ConfigurationProperties("dps.networking")
public record NetworkingProperties(
        @DefaultValue("100") int maxIpFilterRules,
        @DefaultValue("5s") Duration refreshInterval) {
}
