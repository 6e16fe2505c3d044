package io.localdps.certificate;

import io.localdps.testsupport.PostgresDatabase;

class CaCertificateServicePostgresTest extends CaCertificateServiceTest implements PostgresDatabase {
}
