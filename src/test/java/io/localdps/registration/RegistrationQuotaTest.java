package io.localdps.registration;

import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.testsupport.H2Database;
import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration record quota (behaviour.md §2 step 5): a new device beyond it fails; known devices still register. */
@ServiceTest
@TestPropertySource(properties = "dps.limits.registrations=2")
class RegistrationQuotaTest implements H2Database {

    @Autowired RegistrationStore store;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired LinkedHubService hubs;

    @Test
    void aNewDeviceBeyondTheRecordQuotaFailsWhileAKnownDeviceStillRegisters() {
        hubs.link("quota-hub.azure-devices.net", LinkedHubSettings.defaults());
        for (String id : new String[]{"quota-1", "quota-2", "quota-3"}) {
            individuals.create(id, null, Attestation.symmetricKey(null, null), new EnrollmentSettings(null,
                    ReprovisionPolicy.MIGRATE, null, TargetHubs.of("quota-hub.azure-devices.net"), null, false, null));
        }
        finish(store.start(work("quota-1"), true));
        finish(store.start(work("quota-2"), true));

        RegistrationOperation third = store.start(work("quota-3"), true);
        RegistrationOperation again = finish(store.start(work("quota-1"), true));

        assertThat(third.state()).isEqualTo(RegistrationStatus.FAILED);
        assertThat(third.result()).contains("403002");
        assertThat(store.record("quota-3")).as("no record beyond the quota").isEmpty();
        assertThat(again.state()).isEqualTo(RegistrationStatus.ASSIGNED);
    }

    private RegistrationOperation finish(RegistrationOperation operation) {
        return store.complete(operation.operationId(), new Provisioning.Assigned("quota-hub.azure-devices.net",
                operation.work().registrationId(), Substatus.INITIAL_ASSIGNMENT, null, null));
    }

    private OperationWork work(String id) {
        return new OperationWork(instance.idScope(), id, "2021-10-01", "HTTPS", null, AttestationType.SYMMETRIC_KEY, null,
                DeviceAttestor.BINDING_SAS, null, null, null, null);
    }
}
