package io.localdps.hub;

import io.localdps.testsupport.H2Database;

class DeviceIdsAndHubsH2Test extends DeviceIdsAndHubsTest implements H2Database {
}
