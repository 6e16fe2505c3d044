package io.localdps.registration;

import io.localdps.common.Json;
import io.localdps.enrollment.InitialTwin;
import io.localdps.enrollment.ReprovisionPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the re-registration matrix of behaviour.md §7.2. */
class ReprovisionPlannerTest {

    private static final InitialTwin TWIN = new InitialTwin(Json.parseObject("{\"site\":\"a\"}").object(), null);
    private static final String H0 = "hub-0.azure-devices.net";
    private static final String H1 = "hub-1.azure-devices.net";

    @Test
    void aFirstRegistrationCreatesTheDeviceWithTheInitialTwin() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.MIGRATE, null, null, null, H1, "dev", false, TWIN, "2021-10-01");
        assertThat(plan).isEqualTo(new Provisioning.Plan(H1, "dev", Substatus.INITIAL_ASSIGNMENT, Provisioning.Action.CREATE, TWIN));
    }

    @Test
    void aDeviceAlreadyInTheHubWithoutARecordIsReprovisionedToInitialAssignment() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.MIGRATE, null, null, null, H1, "dev", true, TWIN, "2021-10-01");
        assertThat(plan.substatus()).isEqualTo(Substatus.REPROVISIONED_TO_INITIAL_ASSIGNMENT);
        assertThat(plan.twin()).isEqualTo(TWIN);
    }

    @Test
    void olderApiVersionsGetInitialAssignmentInsteadOfReprovisionedToInitialAssignment() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.MIGRATE, null, null, null, H1, "dev", true, TWIN, "2018-11-01");
        assertThat(plan.substatus()).isEqualTo(Substatus.INITIAL_ASSIGNMENT);
    }

    @Test
    void aDeviceAlreadyInTheHubKeepsItsTwinWhenNoInitialTwinIsConfigured() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.MIGRATE, null, null, null, H1, "dev", true, InitialTwin.empty(), "2021-10-01");
        assertThat(plan.twin()).isNull();
    }

    @Test
    void neverReprovisionKeepsHubDeviceAndSubstatusAndTouchesNoTwin() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.NEVER, H0, "d0", Substatus.DEVICE_DATA_MIGRATED, H0, "dev", true, TWIN, "2021-10-01");
        assertThat(plan).isEqualTo(new Provisioning.Plan(H0, "d0", Substatus.DEVICE_DATA_MIGRATED, Provisioning.Action.REFRESH, null));
    }

    @Test
    void migrateToAnotherHubMovesTheDeviceWithItsTwinAndKeepsItsDeviceId() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.MIGRATE, H0, "d0", Substatus.INITIAL_ASSIGNMENT, H1, "dev", false, TWIN, "2021-10-01");
        assertThat(plan).isEqualTo(new Provisioning.Plan(H1, "d0", Substatus.DEVICE_DATA_MIGRATED, Provisioning.Action.MIGRATE, null));
    }

    @Test
    void migrateWithinTheSameHubOnlyRefreshesCredentialsAndKeepsTheSubstatus() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.MIGRATE, H0, "d0", Substatus.DEVICE_DATA_RESET, H0, "dev", true, TWIN, "2021-10-01");
        assertThat(plan).isEqualTo(new Provisioning.Plan(H0, "d0", Substatus.DEVICE_DATA_RESET, Provisioning.Action.REFRESH, null));
    }

    @Test
    void resetToAnotherHubRecreatesTheDeviceWithTheInitialTwin() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.RESET, H0, "d0", Substatus.INITIAL_ASSIGNMENT, H1, "dev", false, TWIN, "2021-10-01");
        assertThat(plan).isEqualTo(new Provisioning.Plan(H1, "dev", Substatus.DEVICE_DATA_RESET, Provisioning.Action.MOVE_AND_RESET, TWIN));
    }

    @Test
    void resetWithinTheSameHubReplacesTheTwin() {
        var plan = ReprovisionPlanner.plan(ReprovisionPolicy.RESET, H0, "d0", Substatus.INITIAL_ASSIGNMENT, H0, "dev", true, TWIN, "2021-10-01");
        assertThat(plan).isEqualTo(new Provisioning.Plan(H0, "d0", Substatus.DEVICE_DATA_RESET, Provisioning.Action.RESET_IN_PLACE, TWIN));
    }
}
