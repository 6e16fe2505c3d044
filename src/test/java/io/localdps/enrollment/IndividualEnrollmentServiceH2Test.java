package io.localdps.enrollment;

import io.localdps.testsupport.H2Database;

class IndividualEnrollmentServiceH2Test extends IndividualEnrollmentServiceTest implements H2Database {
}
