package io.localdps.tls;

import io.localdps.testsupport.PostgresDatabase;

class DeviceTlsMaterialPostgresTest extends DeviceTlsMaterialTest implements PostgresDatabase {
}
