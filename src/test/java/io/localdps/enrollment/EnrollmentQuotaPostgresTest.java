package io.localdps.enrollment;

import io.localdps.testsupport.PostgresDatabase;

class EnrollmentQuotaPostgresTest extends EnrollmentQuotaTest implements PostgresDatabase {
}
