package io.localdps.enrollment;

import io.localdps.testsupport.H2Database;

class EnrollmentPagingH2Test extends EnrollmentPagingTest implements H2Database {
}
