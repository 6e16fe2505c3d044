package io.localdps.lab;

import io.localdps.testsupport.PostgresDatabase;

class LabCertificateServicePostgresTest extends LabCertificateServiceTest implements PostgresDatabase {
}
