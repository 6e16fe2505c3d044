package io.localdps.enrollment;

import io.localdps.testsupport.PostgresDatabase;

class EnrollmentSettingsPersistencePostgresTest extends EnrollmentSettingsPersistenceTest implements PostgresDatabase {
}
