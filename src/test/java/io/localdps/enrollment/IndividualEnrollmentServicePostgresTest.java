package io.localdps.enrollment;

import io.localdps.testsupport.PostgresDatabase;

class IndividualEnrollmentServicePostgresTest extends IndividualEnrollmentServiceTest implements PostgresDatabase {
}
