package io.localdps.benchmark;

import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.testsupport.PostgresDatabase;
import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The grid's queries over 100,000 individual enrollments on PostgreSQL. Run with ./benchmark.sh grid. */
@Tag("benchmark")
@ServiceTest
class EnrollmentGridPostgresBenchmark implements PostgresDatabase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IndividualEnrollmentService enrollments;

    @Test
    void printsGridQueryTimesFor100kEnrollments() {
        EnrollmentTableFiller.fill(jdbc, 100_000);
        jdbc.execute("ANALYZE individual_enrollment");
        GridTimings.print("PostgreSQL 18 (embedded)", enrollments, 100_000);
    }
}
