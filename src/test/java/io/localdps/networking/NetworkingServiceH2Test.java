package io.localdps.networking;

import io.localdps.testsupport.H2Database;

class NetworkingServiceH2Test extends NetworkingServiceTest implements H2Database {
}
