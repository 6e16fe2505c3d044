package io.localdps.enrollment;

import io.localdps.testsupport.H2Database;

class EnrollmentUpdateH2Test extends EnrollmentUpdateTest implements H2Database {
}
