package io.localdps.serviceapi;

/**
 * The six-digit codes of error bodies: HTTP status × 1000 + a detail (service-api.md §3.7, §3.9;
 * the exact Azure sub-codes are UNVERIFIED, clients only read the HTTP status).
 */
final class ErrorCodes {

    static final int BAD_REQUEST = 400000;
    static final int UNKNOWN_API_VERSION = 400004;
    static final int INVALID_INPUT = 400001;
    static final int UNAUTHORIZED = 401002;
    static final int QUOTA_EXCEEDED = 403002;
    static final int NOT_FOUND = 404201;
    static final int METHOD_NOT_ALLOWED = 405000;
    static final int CONFLICT = 409201;
    static final int PRECONDITION_FAILED = 412002;
    static final int UNSUPPORTED_MEDIA_TYPE = 415000;
    static final int INTERNAL = 500000;
    static final int UNAVAILABLE = 503000;

    private ErrorCodes() {
    }
}
