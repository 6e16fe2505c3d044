package io.localdps.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Implemented by a test class to run it against a fresh database on the embedded PostgreSQL.
 * The property source is declared once, here, so every implementing class with the same other
 * configuration shares one cached Spring context (and one database).
 */
public interface PostgresDatabase {

    @DynamicPropertySource
    static void postgresDatabase(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresServer.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
