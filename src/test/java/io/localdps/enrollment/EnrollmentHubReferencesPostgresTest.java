package io.localdps.enrollment;

import io.localdps.testsupport.PostgresDatabase;

class EnrollmentHubReferencesPostgresTest extends EnrollmentHubReferencesTest implements PostgresDatabase {
}
