package io.localdps.enrollment;

import io.localdps.testsupport.H2Database;

class EnrollmentSettingsPersistenceH2Test extends EnrollmentSettingsPersistenceTest implements H2Database {
}
