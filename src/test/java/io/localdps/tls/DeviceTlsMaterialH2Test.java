package io.localdps.tls;

import io.localdps.testsupport.H2Database;

class DeviceTlsMaterialH2Test extends DeviceTlsMaterialTest implements H2Database {
}
