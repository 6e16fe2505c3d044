package io.localdps.certificate;

import io.localdps.testsupport.H2Database;

class CaCertificateServiceH2Test extends CaCertificateServiceTest implements H2Database {
}
