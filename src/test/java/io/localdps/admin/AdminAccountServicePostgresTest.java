package io.localdps.admin;

import io.localdps.testsupport.PostgresDatabase;

class AdminAccountServicePostgresTest extends AdminAccountServiceTest implements PostgresDatabase {
}
