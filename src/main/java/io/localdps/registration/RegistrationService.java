package io.localdps.registration;

import io.localdps.common.Json;
import io.localdps.enrollment.EnrollmentRules;
import io.localdps.instance.InstanceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The synchronous part of DPS's device API (behaviour.md §2 steps 1–6): checks the scope and the
 * request, attests the device, starts an operation and answers 202; polls answer from the
 * persisted operation, so any node can serve them.
 */
@Service
public class RegistrationService implements DeviceRegistrations {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final InstanceService instance;
    private final DeviceAttestor attestor;
    private final RegistrationStore store;
    private final OperationWorker worker;
    private final RegistrationThrottle throttle;
    private final RegistrationMetrics metrics;
    private final int retryAfterSeconds;

    RegistrationService(InstanceService instance, DeviceAttestor attestor, RegistrationStore store, OperationWorker worker,
                        RegistrationThrottle throttle, RegistrationMetrics metrics,
                        @Value("${dps.registration.retry-after-seconds:2}") int retryAfterSeconds) {
        this.throttle = throttle;
        this.metrics = metrics;
        this.instance = instance;
        this.attestor = attestor;
        this.store = store;
        this.worker = worker;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public DeviceResponse register(DeviceRequest request) {
        int wait = throttle.admit();
        if (wait > 0) {
            metrics.throttled(request.transport());
            DeviceResponse throttled = DeviceErrors.error(429, 429001, "Too many registrations: the limit of this instance is reached.");
            return new DeviceResponse(429, throttled.body(), wait, throttled.headers());
        }
        Optional<DeviceResponse> invalid = checkAddress(request);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        DeviceRegistrationBody body;
        try {
            body = DeviceRegistrationBody.parse(request.body());
        } catch (IllegalArgumentException e) {
            return DeviceErrors.error(400, 400004, e.getMessage());
        }
        if (body.registrationId() != null && !body.registrationId().equalsIgnoreCase(request.registrationId())) {
            return DeviceErrors.error(400, 400004, "The body's registrationId differs from the one in the request address.");
        }
        String knownGroup = store.record(request.registrationId()).map(RegistrationRecord::enrollmentGroupId).orElse(null);
        Attestation attestation = attestor.attest(request, body, knownGroup);
        return switch (attestation) {
            case Attestation.TpmChallenge challenge -> DeviceErrors.tpmChallenge(challenge.authenticationKey());
            case Attestation.Refused refused -> refuse(request, refused);
            case Attestation.Authenticated authenticated -> start(request, body, authenticated);
        };
    }

    @Override
    public boolean credentialsAccepted(DeviceRequest connect) {
        if (checkAddress(connect).isPresent()) {
            return false;
        }
        String knownGroup = store.record(connect.registrationId()).map(RegistrationRecord::enrollmentGroupId).orElse(null);
        Attestation attestation = attestor.attest(connect, DeviceRegistrationBody.parse(new byte[0]), knownGroup);
        if (attestation instanceof Attestation.Refused refused && refused.status() == 401) {
            refuse(connect, refused);
            return false;
        }
        return true;
    }

    private DeviceResponse start(DeviceRequest request, DeviceRegistrationBody body, Attestation.Authenticated who) {
        OperationWork work = new OperationWork(request.idScope(), request.registrationId(), request.apiVersion(),
                request.transport().name(), request.remoteAddress() == null || request.remoteAddress().getAddress() == null
                ? null : request.remoteAddress().getAddress().getHostAddress(),
                who.type(), who.group() == null ? null : who.group().enrollmentGroupId(), who.credentialBinding(),
                who.leafSha1Thumbprint(), who.endorsementKey(), who.storageRootKey(), body.payload());
        RegistrationOperation operation;
        try {
            operation = store.start(work, who.enabled());
        } catch (DataAccessException e) {
            if (!RegistrationStore.isDuplicateKey(e)) {
                throw e;
            }
            // The same device started an operation through another node (or thread) at the same
            // moment and the unique in-flight key kept this one out: answer with that operation.
            operation = store.start(work, who.enabled());
        }
        if (operation.state() == RegistrationStatus.ASSIGNING) {
            worker.submit(operation.operationId());
        }
        // aziot-identityd accepts only 202 here, whatever the outcome (device-api.md §3 rule 1).
        return new DeviceResponse(202, Json.write(RegistrationStateJson.operationStatus(operation.operationId(),
                RegistrationStatus.ASSIGNING, null)), retryAfterSeconds, requestId());
    }

    private DeviceResponse refuse(DeviceRequest request, Attestation.Refused refused) {
        log.info("Registration of {} over {} refused: {}", request.registrationId(), request.transport(), refused.detail());
        if (refused.knownDevice()) {
            store.recordRefusal(request.registrationId(), refused, request.transport().name());
        }
        metrics.refused(request.transport(), refused.type());
        return DeviceErrors.error(refused.status(), refused.errorCode(), refused.message());
    }

    @Override
    public DeviceResponse operationStatus(DeviceRequest request, String operationId) {
        Optional<DeviceResponse> invalid = checkAddress(request);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<RegistrationOperation> found = store.operation(operationId == null ? "" : operationId)
                .filter(op -> op.registrationKey().equals(RegistrationRecord.keyOf(request.registrationId())));
        if (found.isEmpty()) {
            return DeviceErrors.error(404, 404000, "Operation not found.");
        }
        RegistrationOperation operation = found.get();
        Optional<String> problem = attestor.pollProblem(request, operation.work());
        if (problem.isPresent()) {
            log.info("Status poll of {} refused: {}", request.registrationId(), problem.get());
            return DeviceErrors.error(401, 401002, "Unauthorized");
        }
        if (!operation.state().terminal()) {
            return new DeviceResponse(202, Json.write(RegistrationStateJson.operationStatus(operationId,
                    RegistrationStatus.ASSIGNING, RegistrationStateJson.assigning(request.registrationId()))),
                    retryAfterSeconds, requestId());
        }
        return new DeviceResponse(200, Json.write(RegistrationStateJson.operationStatus(operationId, operation.state(),
                Json.mapper().readTree(operation.result()))), null, requestId());
    }

    private Optional<DeviceResponse> checkAddress(DeviceRequest request) {
        if (request.idScope() == null || !request.idScope().equalsIgnoreCase(instance.idScope())) {
            return Optional.of(DeviceErrors.error(404, 404000, "ID scope not found."));
        }
        Optional<String> problem = EnrollmentRules.registrationIdProblem(request.registrationId());
        return problem.map(message -> DeviceErrors.error(400, 400004, message));
    }

    private static Map<String, String> requestId() {
        return Map.of("x-ms-request-id", UUID.randomUUID().toString());
    }
}
