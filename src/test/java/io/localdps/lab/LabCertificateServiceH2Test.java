package io.localdps.lab;

import io.localdps.testsupport.H2Database;

class LabCertificateServiceH2Test extends LabCertificateServiceTest implements H2Database {
}
