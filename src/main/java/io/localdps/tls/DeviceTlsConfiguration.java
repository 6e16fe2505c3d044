package io.localdps.tls;

import io.localdps.instance.DpsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * Provides the one {@link DeviceTlsMaterial} both device endpoints present: the operator's PEM
 * files when {@code dps.tls.*} is set, else the generated CA and server certificate from the
 * database. Resolved at start-up, so a bad file or key stops the start instead of every handshake.
 */
@Configuration(proxyBeanMethods = false)
class DeviceTlsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeviceTlsConfiguration.class);

    @Bean
    DeviceTlsMaterial deviceTlsMaterial(TlsProperties tls, DpsProperties dps, JdbcClient jdbc, Clock clock) {
        DeviceTlsMaterial material = tls.configured()
                ? ConfiguredTlsMaterial.load(tls)
                : GeneratedTlsMaterial.obtain(new DeviceTlsStore(jdbc), dps.deviceHost(), dps.serviceHost(), clock);
        X509Certificate server = material.certificateChain().getFirst();
        ServerNames names = ServerNames.of(server);
        log.info("Device TLS: {} server certificate {} for [{}], valid until {}; devices trust {}",
                tls.configured() ? "configured" : "generated", server.getSubjectX500Principal().getName(), names,
                server.getNotAfter().toInstant(), material.trustAnchor().getSubjectX500Principal().getName());
        if (!ServerNames.of(Stream.of(dps.deviceHost())).coveredBy(names)) {
            log.warn("Device TLS: the server certificate does not name dps.device-host '{}'; devices will refuse it",
                    dps.deviceHost());
        }
        return material;
    }
}
