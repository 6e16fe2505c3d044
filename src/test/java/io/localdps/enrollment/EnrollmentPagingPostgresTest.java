package io.localdps.enrollment;

import io.localdps.testsupport.PostgresDatabase;

class EnrollmentPagingPostgresTest extends EnrollmentPagingTest implements PostgresDatabase {
}
