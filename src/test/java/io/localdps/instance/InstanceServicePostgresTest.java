package io.localdps.instance;

import io.localdps.testsupport.PostgresDatabase;

class InstanceServicePostgresTest extends InstanceServiceTest implements PostgresDatabase {
}
