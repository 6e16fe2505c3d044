package io.localdps.audit;

import io.localdps.testsupport.H2Database;

class AuditLogH2Test extends AuditLogTest implements H2Database {
}
