package io.localdps.hub;

import io.localdps.testsupport.H2Database;

class ReprovisionMatrixH2Test extends ReprovisionMatrixTest implements H2Database {
}
