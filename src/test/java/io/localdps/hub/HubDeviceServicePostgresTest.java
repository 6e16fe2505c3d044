package io.localdps.hub;

import io.localdps.testsupport.PostgresDatabase;

class HubDeviceServicePostgresTest extends HubDeviceServiceTest implements PostgresDatabase {
}
