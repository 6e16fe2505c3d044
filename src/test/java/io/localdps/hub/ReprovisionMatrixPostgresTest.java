package io.localdps.hub;

import io.localdps.testsupport.PostgresDatabase;

class ReprovisionMatrixPostgresTest extends ReprovisionMatrixTest implements PostgresDatabase {
}
