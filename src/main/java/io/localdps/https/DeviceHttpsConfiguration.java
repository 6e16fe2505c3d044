package io.localdps.https;

import io.localdps.instance.DpsProperties;
import io.localdps.networking.IpFilterMetrics;
import io.localdps.networking.NetworkAdmission;
import io.localdps.tls.DeviceTlsMaterial;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Wires the HTTPS device endpoint into the servlet web server: its connector, the filter that
 * keeps it apart from the console, and a security filter chain of its own. Only in a servlet web
 * application; service tests without a web server get none of it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DeviceHttpsConfiguration {

    /** Before the console's chain, which matches any request and therefore comes last. */
    static final int SECURITY_ORDER = 10;
    /** Well before Spring Security's filter (-100), so the console's chain never sees device paths. */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /** Shares the MQTT endpoint's meter name; the {@code transport} tag tells them apart. */
    static final String TLS_HANDSHAKE_FAILURES = "dps.tls.handshake.failures";

    @Bean
    DeviceHttpsConnector deviceHttpsConnector(HttpsProperties properties, DpsProperties dps,
                                              ObjectProvider<DeviceTlsMaterial> material, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        Runnable onHandshakeFailure = registry == null ? () -> { } : Counter.builder(TLS_HANDSHAKE_FAILURES)
                .description("TLS handshakes with devices that failed")
                .tag("transport", "https").register(registry)::increment;
        return new DeviceHttpsConnector(properties, dps.deviceHost(), material, onHandshakeFailure);
    }

    /** Before everything else on the device port: a rejected client reaches no other code. */
    @Bean
    FilterRegistrationBean<DeviceIpFilter> deviceIpFilter(DeviceHttpsConnector connector, NetworkAdmission admission,
                                                          ObjectProvider<IpFilterMetrics> metrics) {
        IpFilterMetrics meters = metrics.getIfAvailable();
        Runnable onRejection = meters == null ? () -> { } : () -> meters.rejected(IpFilterMetrics.Transport.HTTPS);
        FilterRegistrationBean<DeviceIpFilter> registration = new FilterRegistrationBean<>(
                new DeviceIpFilter(connector, admission, onRejection));
        registration.setOrder(FILTER_ORDER - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<DeviceEndpointFilter> deviceEndpointFilter(DeviceHttpsConnector connector) {
        FilterRegistrationBean<DeviceEndpointFilter> registration = new FilterRegistrationBean<>(new DeviceEndpointFilter(connector));
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Devices authenticate in DPS (SAS token, client certificate, TPM), never with a console login:
     * no session, no CSRF token, no redirect to the login page on the device port.
     */
    @Bean
    @Order(SECURITY_ORDER)
    SecurityFilterChain deviceSecurityFilterChain(HttpSecurity http, DeviceHttpsConnector connector) throws Exception {
        return http.securityMatcher(connector::received)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
