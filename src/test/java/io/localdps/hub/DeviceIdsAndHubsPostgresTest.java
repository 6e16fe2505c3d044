package io.localdps.hub;

import io.localdps.testsupport.PostgresDatabase;

class DeviceIdsAndHubsPostgresTest extends DeviceIdsAndHubsTest implements PostgresDatabase {
}
