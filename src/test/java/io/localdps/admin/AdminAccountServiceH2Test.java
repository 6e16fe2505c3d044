package io.localdps.admin;

import io.localdps.testsupport.H2Database;

class AdminAccountServiceH2Test extends AdminAccountServiceTest implements H2Database {
}
