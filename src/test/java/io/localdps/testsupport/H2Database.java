package io.localdps.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Implemented by a test class to run it against a fresh in-memory H2 database in PostgreSQL mode,
 * the product's default database. Like {@link PostgresDatabase}, one cached context per configuration.
 */
public interface H2Database {

    @DynamicPropertySource
    static void h2Database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:localdps-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }
}
