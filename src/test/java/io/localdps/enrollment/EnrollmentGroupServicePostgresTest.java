package io.localdps.enrollment;

import io.localdps.testsupport.PostgresDatabase;

class EnrollmentGroupServicePostgresTest extends EnrollmentGroupServiceTest implements PostgresDatabase {
}
