package io.localdps.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationRulesTest {

    @Test
    void aRunHasOneToAHundredThousandDevices() {
        assertThat(SimulationRules.countProblem(1)).isEmpty();
        assertThat(SimulationRules.countProblem(100_000)).isEmpty();
        assertThat(SimulationRules.countProblem(0)).contains("A run has 1 to 100,000 devices.");
        assertThat(SimulationRules.countProblem(100_001)).isPresent();
        assertThat(SimulationRules.countProblem(null)).isPresent();
    }

    @Test
    void theRegistrationIdPatternMustNumberTheDevicesAndMakeValidLowerCaseIds() {
        assertThat(SimulationRules.registrationIdsProblem("sim-{n:05}", 100, false)).isEmpty();
        assertThat(SimulationRules.registrationIdsProblem("sim", 100, false)).get().asString().contains("{n}");
        assertThat(SimulationRules.registrationIdsProblem("Sim-{n}", 100, false)).get().asString().contains("lower-case");
        assertThat(SimulationRules.registrationIdsProblem("sim {n}", 100, false)).isPresent();
    }

    @Test
    void anX509PatternMustKeepTheLastIdWithinTheSixtyFourCharactersOfACommonName() {
        String pattern = "x".repeat(58) + "-{n}";
        assertThat(SimulationRules.registrationIdsProblem(pattern, 9, true)).isEmpty();
        assertThat(SimulationRules.registrationIdsProblem(pattern, 100_000, true)).get().asString().contains("at most 64");
        assertThat(SimulationRules.registrationIdsProblem(pattern, 100_000, false)).isEmpty();
    }

    @Test
    void thePayloadIsOptionalButMustBeJsonOncePlaceholdersAreFilledIn() {
        assertThat(SimulationRules.payloadProblem("")).isEmpty();
        assertThat(SimulationRules.payloadProblem("{\"serial\": \"{id}\", \"number\": {n}}")).isEmpty();
        assertThat(SimulationRules.payloadProblem("{\"serial\": ")).isPresent();
    }

    @Test
    void tpmDevicesRegisterOverHttpsOnly() {
        assertThat(SimulationRules.protocolProblem(SimulationTarget.tpmIndividual(), RunSettings.Protocol.MQTT5)).isPresent();
        assertThat(SimulationRules.protocolProblem(SimulationTarget.tpmIndividual(), RunSettings.Protocol.HTTPS)).isEmpty();
        assertThat(SimulationRules.protocolProblem(SimulationTarget.symmetricIndividual(), RunSettings.Protocol.MQTT311)).isEmpty();
    }
}
