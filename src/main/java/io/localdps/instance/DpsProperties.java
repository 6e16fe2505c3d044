package io.localdps.instance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The instance's own settings ({@code dps.*}). Each one can also be given as an environment
 * variable through Spring's relaxed binding, e.g. {@code DPS_ID_SCOPE}.
 *
 * @param dataDir     where the embedded H2 database (and later generated key material) lives
 * @param idScope     fixed ID scope; when blank, one is generated once and stored
 * @param deviceHost  the global device endpoint host name devices connect to
 * @param serviceHost the service endpoint host name used in connection strings
 * @param admin       console administrator credentials
 */
@ConfigurationProperties("dps")
public record DpsProperties(
        @DefaultValue("./data") String dataDir,
        String idScope,
        @DefaultValue("localhost") String deviceHost,
        @DefaultValue("localhost") String serviceHost,
        @DefaultValue Admin admin) {

    /**
     * @param username the console login name
     * @param password the console password; when blank a strong one is generated on first start
     */
    public record Admin(@DefaultValue("admin") String username, String password) {
    }
}
