package io.localdps.registration;

import io.localdps.enrollment.AttestationType;

/** Operations started straight in the store, as a register call would, and waited for. */
final class TestOperations {

    private TestOperations() {
    }

    /** The work of a symmetric-key device's HTTPS register call, already attested. */
    static OperationWork symmetricKeyWork(String idScope, String registrationId) {
        return new OperationWork(idScope, registrationId, "2021-10-01", "HTTPS", null, AttestationType.SYMMETRIC_KEY, null,
                DeviceAttestor.BINDING_SAS, null, null, null, null);
    }

    /** Polls the store until the operation has ended (at most 5 s). */
    static RegistrationOperation awaitEnd(RegistrationStore store, String operationId) {
        for (int i = 0; i < 250; i++) {
            RegistrationOperation operation = store.operation(operationId).orElseThrow();
            if (operation.state().terminal()) {
                return operation;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for operation " + operationId, e);
            }
        }
        throw new AssertionError("operation " + operationId + " never ended");
    }
}
