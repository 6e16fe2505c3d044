package io.localdps.simulation;

import io.localdps.common.InvalidInputException;
import io.localdps.enrollment.EnrollmentFixtures;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.testsupport.H2Database;
import io.localdps.testsupport.ServiceTest;
import io.localdps.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node without its HTTPS device endpoint (here: no web server) still runs MQTT fleets, and says why HTTPS ones cannot run. */
@ServiceTest
class SimulationWithoutWebServerTest implements H2Database {

    @Autowired
    SimulationService simulations;
    @Autowired
    EnrollmentGroupService groups;
    @Autowired
    LinkedHubService hubs;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        TestData.deleteEnrollmentsAndHubs(jdbc);
        hubs.link("sim-mqtt-only.azure-devices.net", LinkedHubSettings.defaults());
        EnrollmentFixtures.symmetricKeyGroup(groups, "sim-mqtt-only");
    }

    @Test
    void anMqttFleetRunsWhenTheHttpsEndpointIsOff() throws Exception {
        assertThat(simulations.endpoint().httpsAvailable()).isFalse();

        SimulationRun run = simulations.start(settings(RunSettings.Protocol.MQTT311));

        assertThat(run.completion().get(120, TimeUnit.SECONDS).assigned()).isEqualTo(5);
    }

    @Test
    void anHttpsFleetIsRefusedAtTheProtocolWhenTheHttpsEndpointIsOff() {
        assertThatThrownBy(() -> simulations.start(settings(RunSettings.Protocol.HTTPS)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.fieldErrors().get(SimulationRules.PROTOCOL)).contains("HTTPS device endpoint is turned off"));
    }

    private static RunSettings settings(RunSettings.Protocol protocol) {
        return new RunSettings(SimulationTarget.group(SimulationTarget.Kind.SYMMETRIC_GROUP, "sim-mqtt-only"), 5,
                "mqtt-only-{n}", protocol, RunSettings.Arrival.ALL_AT_ONCE, null, null, 5, "");
    }
}
