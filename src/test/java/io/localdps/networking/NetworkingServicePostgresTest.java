package io.localdps.networking;

import io.localdps.testsupport.PostgresDatabase;

class NetworkingServicePostgresTest extends NetworkingServiceTest implements PostgresDatabase {
}
