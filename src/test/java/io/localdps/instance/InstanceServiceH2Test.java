package io.localdps.instance;

import io.localdps.testsupport.H2Database;

class InstanceServiceH2Test extends InstanceServiceTest implements H2Database {
}
