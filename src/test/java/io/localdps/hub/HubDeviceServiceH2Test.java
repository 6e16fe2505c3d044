package io.localdps.hub;

import io.localdps.testsupport.H2Database;

class HubDeviceServiceH2Test extends HubDeviceServiceTest implements H2Database {
}
