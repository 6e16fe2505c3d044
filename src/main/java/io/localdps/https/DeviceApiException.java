package io.localdps.https;

/**
 * A request the HTTPS binding refuses before DPS sees it, with the DPS error code
 * (HTTP status × 1000 + sub-code, device-api.md §2.5 and §7).
 */
class DeviceApiException extends RuntimeException {

    private final int status;
    private final int errorCode;
    private final String allowedMethod;
    private final Integer retryAfterSeconds;

    DeviceApiException(int status, int errorCode, String message) {
        this(status, errorCode, message, null, null);
    }

    private DeviceApiException(int status, int errorCode, String message, String allowedMethod, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.allowedMethod = allowedMethod;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static DeviceApiException notFound(String message) {
        return new DeviceApiException(404, 404000, message);
    }

    /** Says no more than "unauthorized": an IP filter rejection must not reveal the rule (security.md §5). */
    static DeviceApiException unauthorized() {
        return new DeviceApiException(401, 401000, "Unauthorized");
    }

    static DeviceApiException methodNotAllowed(String method, String allowedMethod) {
        return new DeviceApiException(405, 405000, "This path accepts " + allowedMethod + ", not " + method + ".",
                allowedMethod, null);
    }

    /** 503 with {@code Retry-After}: devices treat it as transient (device-api.md §4.5) and come back. */
    static DeviceApiException unavailable(String message, int retryAfterSeconds) {
        return new DeviceApiException(503, 503000, message, null, retryAfterSeconds);
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    /** For the {@code Allow} header of a 405, else null. */
    String allowedMethod() {
        return allowedMethod;
    }

    /** For the {@code Retry-After} header of a 503, else null. */
    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
