package io.localdps.enrollment;

import io.localdps.testsupport.H2Database;

class EnrollmentHubReferencesH2Test extends EnrollmentHubReferencesTest implements H2Database {
}
