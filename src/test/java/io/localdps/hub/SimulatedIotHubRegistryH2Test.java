package io.localdps.hub;

import io.localdps.testsupport.H2Database;

class SimulatedIotHubRegistryH2Test extends SimulatedIotHubRegistryTest implements H2Database {
}
