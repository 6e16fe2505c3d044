package io.localdps.enrollment;

import io.localdps.testsupport.PostgresDatabase;

class EnrollmentUpdatePostgresTest extends EnrollmentUpdateTest implements PostgresDatabase {
}
