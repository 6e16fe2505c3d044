package io.localdps.serviceapi;

import org.springframework.http.HttpStatus;

/** A refusal the API answers with Azure's error body (service-api.md §3.9). */
final class ServiceApiException extends RuntimeException {

    private final HttpStatus status;
    private final int errorCode;

    ServiceApiException(HttpStatus status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static ServiceApiException badRequest(String message) {
        return new ServiceApiException(HttpStatus.BAD_REQUEST, ErrorCodes.BAD_REQUEST, message);
    }

    HttpStatus status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }
}
