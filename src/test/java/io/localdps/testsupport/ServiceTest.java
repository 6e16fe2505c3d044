package io.localdps.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application without a web server, for service and persistence tests. Put it on an
 * abstract test class and run that against both databases with two subclasses implementing
 * {@link H2Database} and {@link PostgresDatabase}. Classes with the same annotations share one
 * context per database.
 *
 * <p>Without a web server there is no servlet context, and the console needs one. Vaadin's two
 * auto-configurations are conditional only on classes being present, yet autowire a
 * {@code WebApplicationContext} and the Vaadin servlet registration: they are excluded by property.
 * The console's security configuration (component-scanned, so no property can switch it off)
 * reads the {@code ServletContext} to build its filter chain: that one bean is replaced by a mock.
 * No HTTP request reaches these tests; every feature bean is the real one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "dps.admin.username=" + ServiceTest.ADMIN,
        "dps.admin.password=" + ServiceTest.ADMIN_PASSWORD,
        "spring.datasource.hikari.maximum-pool-size=3",
        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"
})
@MockitoBean(types = SecurityFilterChain.class)
public @interface ServiceTest {

    String ADMIN = "admin";
    String ADMIN_PASSWORD = "service-test-password-1";
}
