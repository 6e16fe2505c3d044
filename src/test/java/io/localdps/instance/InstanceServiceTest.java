package io.localdps.instance;

import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The instance's ID scope (portal.md §2), against H2 and PostgreSQL through the subclasses. */
@ServiceTest
abstract class InstanceServiceTest {

    private static final String ID_SCOPE = "0ne[0-9A-F]{8}";

    @Autowired
    InstanceService instance;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theIdScopeIsGeneratedAsZeroNeAndEightHexDigitsAndStaysTheSame() {
        String scope = instance.idScope();

        assertThat(scope).matches(ID_SCOPE);
        assertThat(instance.idScope()).isEqualTo(scope);
    }

    @Test
    void aGeneratedIdScopeIsStoredSoANewServiceInstanceReadsTheSameOne() {
        jdbc.sql("DELETE FROM instance_setting").update();
        InstanceService first = new InstanceService(jdbc, properties(null));

        String generated = first.idScope();

        assertThat(generated).matches(ID_SCOPE);
        assertThat(storedIdScope()).isEqualTo(generated);
        assertThat(new InstanceService(jdbc, properties(null)).idScope()).isEqualTo(generated);
        assertThat(first.idScope()).isEqualTo(generated);
    }

    @Test
    void aConfiguredIdScopeWinsOverTheStoredOne() {
        String stored = new InstanceService(jdbc, properties(null)).idScope();

        InstanceService configured = new InstanceService(jdbc, properties(" 0ne00ABC123 "));

        assertThat(configured.idScope()).isEqualTo("0ne00ABC123");
        assertThat(storedIdScope()).isEqualTo(stored);
    }

    @Test
    void aConfiguredIdScopeInTheWrongFormatStopsTheStart() {
        assertThatThrownBy(() -> new InstanceService(jdbc, properties("1ne00ABC123")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dps.id-scope must be 0ne followed by 8 hex digits");
    }

    private String storedIdScope() {
        return jdbc.sql("SELECT setting_value FROM instance_setting WHERE setting_name = 'idScope'")
                .query(String.class).single();
    }

    private static DpsProperties properties(String idScope) {
        return new DpsProperties("./data", idScope, "localhost", "localhost", new DpsProperties.Admin("admin", null));
    }
}
