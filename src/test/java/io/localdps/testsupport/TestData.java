package io.localdps.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the tables tests fill, so each test starts from no enrollments, no linked hubs, no hub devices and
 * no CA certificates (test classes of one database share it, and groups may name certificates). */
public final class TestData {

    private TestData() {
    }

    public static void deleteEnrollmentsAndHubs(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM individual_enrollment").update();
        jdbc.sql("DELETE FROM enrollment_group").update();
        jdbc.sql("DELETE FROM linked_hub").update();
        jdbc.sql("DELETE FROM hub_device").update();
        jdbc.sql("DELETE FROM ca_certificate").update();
    }
}
