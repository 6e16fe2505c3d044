package io.localdps.enrollment;

import io.localdps.testsupport.H2Database;

class EnrollmentGroupServiceH2Test extends EnrollmentGroupServiceTest implements H2Database {
}
