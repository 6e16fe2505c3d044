package io.localdps.enrollment;

import io.localdps.testsupport.H2Database;

class EnrollmentQuotaH2Test extends EnrollmentQuotaTest implements H2Database {
}
