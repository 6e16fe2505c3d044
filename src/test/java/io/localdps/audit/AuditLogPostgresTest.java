package io.localdps.audit;

import io.localdps.testsupport.PostgresDatabase;

class AuditLogPostgresTest extends AuditLogTest implements PostgresDatabase {
}
