package io.localdps.https;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HTTPS device endpoint ({@code dps.https.*}, or {@code DPS_HTTPS_PORT} and so on).
 *
 * @param enabled        whether the HTTPS connector is opened at all
 * @param port           its TCP port; 0 picks a free one (tests). Azure's is 443, which the Node
 *                       device client and the Java service client cannot change (client-compat.md
 *                       TLS-1); binding it needs root or {@code CAP_NET_BIND_SERVICE}
 * @param maxRequestBody the largest request body accepted (behaviour.md §10: 96 KB)
 */
@ConfigurationProperties("dps.https")
public record HttpsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8443") int port,
        @DefaultValue("96KB") DataSize maxRequestBody) {
}
