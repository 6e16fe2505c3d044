package io.localdps.accesspolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dps.shared-access.*}.
 *
 * @param ownerKey a base64 key (16–64 bytes) that becomes the primary key of
 *                 {@code provisioningserviceowner} at every start, so scripts and CI can hold a
 *                 known connection string; blank keeps the generated (or last regenerated) key
 */
@ConfigurationProperties("dps.shared-access")
public record SharedAccessProperties(String ownerKey) {
}
