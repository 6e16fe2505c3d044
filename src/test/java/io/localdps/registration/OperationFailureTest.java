package io.localdps.registration;

import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.DeviceIdentity;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.hub.SimulatedIotHubRegistry;
import io.localdps.instance.InstanceService;
import io.localdps.testsupport.H2Database;
import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

/** An operation that fails in a way no retry can cure ends once, as failed, instead of being retried forever. */
@ServiceTest
@TestPropertySource(properties = {"dps.registration.unclaimed-grace=PT0S", "dps.registration.sweep-interval=PT1H"})
class OperationFailureTest implements H2Database {

    private static final String BROKEN_HUB = "broken-" + UUID.randomUUID().toString().substring(0, 8) + ".azure-devices.net";

    @MockitoSpyBean SimulatedIotHubRegistry hubRegistry;
    @Autowired RegistrationStore store;
    @Autowired OperationWorker worker;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired LinkedHubService hubs;

    @Test
    void anUnexpectedErrorEndsTheOperationAsFailedWithTheInternalErrorCodeAndItIsNotTakenAgain() {
        hubs.link(BROKEN_HUB, LinkedHubSettings.defaults());
        doThrow(new IllegalStateException("simulated defect")).when(hubRegistry)
                .createOrUpdateDevice(eq(BROKEN_HUB), any(DeviceIdentity.class));
        String id = "defect-" + UUID.randomUUID().toString().substring(0, 8);
        individuals.create(id, null, Attestation.symmetricKey(null, null),
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(BROKEN_HUB), null, false, null));
        RegistrationOperation operation = store.start(new OperationWork(instance.idScope(), id, "2021-10-01", "HTTPS", null,
                AttestationType.SYMMETRIC_KEY, null, DeviceAttestor.BINDING_SAS, null, null, null, null), true);

        worker.sweep();

        RegistrationOperation ended = awaitEnd(operation.operationId());
        assertThat(ended.state()).isEqualTo(RegistrationStatus.FAILED);
        assertThat(store.record(id).orElseThrow().errorCode()).isEqualTo(500000);
        assertThat(store.claim(operation.operationId(), "another-node", Duration.ofMinutes(1))).isFalse();
    }

    private RegistrationOperation awaitEnd(String operationId) {
        for (int i = 0; i < 250; i++) {
            RegistrationOperation operation = store.operation(operationId).orElseThrow();
            if (operation.state().terminal()) {
                return operation;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("operation never ended");
    }
}
