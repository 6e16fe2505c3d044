package io.localdps.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the tables tests fill, so each test starts from no enrollments, no linked hubs and no hub devices. */
public final class TestData {

    private TestData() {
    }

    public static void deleteEnrollmentsAndHubs(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM individual_enrollment").update();
        jdbc.sql("DELETE FROM enrollment_group").update();
        jdbc.sql("DELETE FROM linked_hub").update();
        jdbc.sql("DELETE FROM hub_device").update();
    }
}
