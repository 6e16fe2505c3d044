package io.localdps.serviceapi;

import io.localdps.common.AlreadyExistsException;
import io.localdps.common.InvalidInputException;
import io.localdps.common.LimitExceededException;
import io.localdps.common.NotFoundException;
import io.localdps.common.StaleVersionException;
import io.localdps.common.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Maps the services' exceptions to the statuses of service-api.md §7 with Azure's error body. */
@RestControllerAdvice(basePackageClasses = ServiceApiExceptionHandler.class)
class ServiceApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ServiceApiExceptionHandler.class);

    private final Clock clock;

    ServiceApiExceptionHandler(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(ServiceApiException.class)
    ResponseEntity<String> refused(ServiceApiException e) {
        return error(e.status(), e.errorCode(), e.getMessage(), Map.of());
    }

    @ExceptionHandler(AlreadyExistsException.class)
    ResponseEntity<String> conflict(AlreadyExistsException e) {
        return error(HttpStatus.CONFLICT, ErrorCodes.CONFLICT, e.getMessage(), e.fieldErrors());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e) {
        return error(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_INPUT, e.getMessage(), e.fieldErrors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<String> stale(StaleVersionException e) {
        return error(HttpStatus.PRECONDITION_FAILED, ErrorCodes.PRECONDITION_FAILED, e.getMessage(), Map.of());
    }

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<String> quota(LimitExceededException e) {
        return error(HttpStatus.FORBIDDEN, ErrorCodes.QUOTA_EXCEEDED, e.getMessage(), Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "Send application/json.", Map.of());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> internal(RuntimeException e) {
        if (DatabaseOutage.causedBy(e)) {
            // Nothing was written (one transaction per change): the caller may simply retry.
            log.debug("Service API: database unavailable, answered 503: {}", e.toString());
            ResponseEntity<String> unavailable = error(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.UNAVAILABLE,
                    "The service is temporarily unavailable; retry later.", Map.of());
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .header("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS)).body(unavailable.getBody());
        }
        String trackingId = UUID.randomUUID().toString();
        log.error("Service API failure {}", trackingId, e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL, "Internal error " + trackingId + ".", Map.of());
    }

    private ResponseEntity<String> error(HttpStatus status, int code, String message, Map<String, String> info) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("x-ms-error-code", Integer.toString(code))
                .header("x-ms-request-id", UUID.randomUUID().toString())
                .body(ErrorBody.json(code, message, info, clock.instant()));
    }
}
