package io.localdps.mqtt;

import io.localdps.registration.DeviceRegistrations;
import io.localdps.registration.DeviceRequest;
import io.localdps.registration.DeviceResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A fake DPS that records every call and answers like the real one by default: register → 202
 * {@code assigning} with a new operation ID and retry-after 1; poll → 200 {@code assigned}.
 * Tests replace either answer to make it slow, fail or say something else.
 */
final class RecordingRegistrations implements DeviceRegistrations {

    /** One call as DeviceRegistrations saw it; operationId is null for register. */
    record Call(String method, DeviceRequest request, String operationId, Thread thread) {
    }

    static final String HUB = "hub-1.azure-devices.net";

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger operations = new AtomicInteger();
    private volatile Function<DeviceRequest, DeviceResponse> register = this::assigning;
    private volatile BiFunction<DeviceRequest, String, DeviceResponse> operationStatus = RecordingRegistrations::assigned;

    RecordingRegistrations answeringRegister(Function<DeviceRequest, DeviceResponse> answer) {
        this.register = answer;
        return this;
    }

    RecordingRegistrations answeringOperationStatus(BiFunction<DeviceRequest, String, DeviceResponse> answer) {
        this.operationStatus = answer;
        return this;
    }

    @Override
    public DeviceResponse register(DeviceRequest request) {
        calls.add(new Call("register", request, null, Thread.currentThread()));
        return register.apply(request);
    }

    @Override
    public DeviceResponse operationStatus(DeviceRequest request, String operationId) {
        calls.add(new Call("operationStatus", request, operationId, Thread.currentThread()));
        return operationStatus.apply(request, operationId);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Call onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected exactly one call, got " + calls);
        }
        return calls.getFirst();
    }

    /** {@code 5.<counter>.<registrationId>}: safe in topics, like Azure's operation IDs. */
    private DeviceResponse assigning(DeviceRequest request) {
        String operationId = "5." + Integer.toHexString(operations.incrementAndGet()) + "." + request.registrationId();
        return new DeviceResponse(202, "{\"operationId\":\"" + operationId + "\",\"status\":\"assigning\"}", 1, Map.of());
    }

    static DeviceResponse assigned(DeviceRequest request, String operationId) {
        return new DeviceResponse(200, assignedBody(operationId, request.registrationId()), null, Map.of());
    }

    static String assignedBody(String operationId, String registrationId) {
        return "{\"operationId\":\"" + operationId + "\",\"status\":\"assigned\",\"registrationState\":{\"registrationId\":\""
                + registrationId + "\",\"assignedHub\":\"" + HUB + "\",\"deviceId\":\"" + registrationId + "\",\"status\":\"assigned\"}}";
    }
}
