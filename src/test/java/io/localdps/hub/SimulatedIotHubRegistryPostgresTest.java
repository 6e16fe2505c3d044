package io.localdps.hub;

import io.localdps.testsupport.PostgresDatabase;

class SimulatedIotHubRegistryPostgresTest extends SimulatedIotHubRegistryTest implements PostgresDatabase {
}
