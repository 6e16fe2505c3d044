package io.localdps.instance;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who this DPS instance is: its ID scope and endpoint host names (portal.md §2). The generated ID
 * scope is stored, so it stays the same across restarts and for every node of one database.
 */
@Service
public class InstanceService {

    private static final String ID_SCOPE = "idScope";
    private static final Pattern ID_SCOPE_FORMAT = Pattern.compile("0ne[0-9A-Fa-f]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DpsProperties properties;
    private volatile String idScope;

    InstanceService(JdbcClient jdbc, DpsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        if (properties.idScope() != null && !properties.idScope().isBlank()
                && !ID_SCOPE_FORMAT.matcher(properties.idScope().trim()).matches()) {
            throw new IllegalStateException("dps.id-scope must be 0ne followed by 8 hex digits, e.g. 0ne00ABC123; got "
                    + properties.idScope());
        }
    }

    /** {@code 0ne} + 8 hex digits: configured, else generated once and kept in the database. */
    public String idScope() {
        String configured = properties.idScope();
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String scope = idScope;
        if (scope == null) {
            scope = storedOrNewIdScope();
            idScope = scope;
        }
        return scope;
    }

    public String deviceHost() {
        return properties.deviceHost();
    }

    public String serviceHost() {
        return properties.serviceHost();
    }

    /** Not one transaction: after a lost insert race, PostgreSQL must still be able to read the winner's row. */
    private String storedOrNewIdScope() {
        Optional<String> stored = setting(ID_SCOPE);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String generated = "0ne" + HexFormat.of().withUpperCase().formatHex(random);
        try {
            jdbc.sql("INSERT INTO instance_setting (setting_name, setting_value) VALUES (:name, :value)")
                    .param("name", ID_SCOPE).param("value", generated).update();
            return generated;
        } catch (DuplicateKeyException raceWithAnotherNode) {
            return setting(ID_SCOPE).orElseThrow();
        }
    }

    private Optional<String> setting(String name) {
        return jdbc.sql("SELECT setting_value FROM instance_setting WHERE setting_name = :name").param("name", name)
                .query(String.class).optional();
    }
}
