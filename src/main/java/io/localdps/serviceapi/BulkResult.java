package io.localdps.serviceapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.localdps.common.AlreadyExistsException;
import io.localdps.common.InvalidInputException;
import io.localdps.common.LimitExceededException;
import io.localdps.common.NotFoundException;
import io.localdps.common.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * BulkEnrollmentOperationResult and its group twin (service-api.md §3.7): one error entry per
 * failed item, with the status code a single call would have answered.
 */
final class BulkResult {

    private static final Logger log = LoggerFactory.getLogger(BulkResult.class);

    /** Groups name the failed item by enrollmentGroupId, individual enrollments by registrationId. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String registrationId, String enrollmentGroupId, int errorCode, String errorStatus) {
    }

    record BulkEnrollmentOperationResult(boolean isSuccessful, List<Error> errors) {
    }

    private final boolean groups;
    private final List<Error> errors = new ArrayList<>();

    BulkResult(boolean groups) {
        this.groups = groups;
    }

    void failed(String id, RuntimeException e) {
        int code = switch (e) {
            case ServiceApiException refusal -> refusal.errorCode();
            case AlreadyExistsException ignored -> ErrorCodes.CONFLICT;
            case InvalidInputException ignored -> ErrorCodes.INVALID_INPUT;
            case NotFoundException ignored -> ErrorCodes.NOT_FOUND;
            case StaleVersionException ignored -> ErrorCodes.PRECONDITION_FAILED;
            case LimitExceededException ignored -> ErrorCodes.QUOTA_EXCEEDED;
            default -> ErrorCodes.INTERNAL;
        };
        String message = e.getMessage();
        if (code == ErrorCodes.INTERNAL) {
            String trackingId = UUID.randomUUID().toString();
            log.error("Bulk item {} failed, tracking id {}", id, trackingId, e);
            message = "Internal error " + trackingId + ".";
        }
        errors.add(groups ? new Error(null, id, code, message) : new Error(id, null, code, message));
    }

    BulkEnrollmentOperationResult body() {
        return new BulkEnrollmentOperationResult(errors.isEmpty(), List.copyOf(errors));
    }
}
