package io.localdps.registration;

import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.DeviceIdentity;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.hub.SimulatedIotHubRegistry;
import io.localdps.hub.TwinContent;
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

/** The worker on one node: each operation is worked once, and ends once even when its work cannot succeed. */
@ServiceTest
@TestPropertySource(properties = {"dps.registration.unclaimed-grace=PT0S", "dps.registration.sweep-interval=PT1H",
        "dps.registration.claim-lease=PT2S", "dps.registration.claim-renewal=PT0.5S"})
class OperationWorkerTest implements H2Database {

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
        doThrow(new IllegalStateException("simulated defect")).when(hubRegistry)
                .createOrUpdateDevice(eq(BROKEN_HUB), any(DeviceIdentity.class), any(TwinContent.class));
        String id = "defect-" + UUID.randomUUID().toString().substring(0, 8);
        individuals.create(id, null, Attestation.symmetricKey(null, null),
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(BROKEN_HUB), null, false, null));
        RegistrationOperation operation = store.start(work(id), true);

        worker.sweep();

        RegistrationOperation ended = TestOperations.awaitEnd(store, operation.operationId());
        assertThat(ended.state()).isEqualTo(RegistrationStatus.FAILED);
        assertThat(store.record(id).orElseThrow().errorCode()).isEqualTo(500000);
        assertThat(store.claim(operation.operationId(), "another-node", Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void anOperationQueuedTwiceIsWorkedOnceAndItsClaimIsRenewedForAsLongAsTheWorkTakes() throws Exception {
        String hub = "held-" + UUID.randomUUID().toString().substring(0, 8) + ".azure-devices.net";
        hubs.link(hub, LinkedHubSettings.defaults());
        try (HeldWebhook webhook = new HeldWebhook(hub)) {
            String id = "slow-" + UUID.randomUUID().toString().substring(0, 8);
            individuals.create(id, null, Attestation.symmetricKey(null, null), new EnrollmentSettings(null,
                    ReprovisionPolicy.MIGRATE, AllocationPolicy.CUSTOM, TargetHubs.of(hub),
                    new CustomAllocationDefinition(webhook.url(), "2021-10-01"), false, null));
            RegistrationOperation operation = store.start(work(id), true);

            worker.submit(operation.operationId());
            worker.submit(operation.operationId());   // the sweep found it waiting in the queue
            webhook.awaitHeldCalls(1);
            Thread.sleep(3_000);                       // longer than the lease: only renewals keep the claim
            worker.sweep();
            Thread.sleep(300);
            webhook.release();

            assertThat(TestOperations.awaitEnd(store, operation.operationId()).state()).isEqualTo(RegistrationStatus.ASSIGNED);
            assertThat(webhook.calls()).isEqualTo(1);
        }
    }

    private OperationWork work(String registrationId) {
        return TestOperations.symmetricKeyWork(instance.idScope(), registrationId);
    }
}
