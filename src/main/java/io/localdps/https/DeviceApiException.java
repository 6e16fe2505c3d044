package io.localdps.https;

/**
 * A request the HTTPS binding refuses before DPS sees it, with the DPS error code
 * (HTTP status × 1000 + sub-code, device-api.md §2.5 and §7).
 */
class DeviceApiException extends RuntimeException {

    private final int status;
    private final int errorCode;
    private final String allowedMethod;

    DeviceApiException(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    private DeviceApiException(int status, int errorCode, String message, String allowedMethod) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.allowedMethod = allowedMethod;
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
                allowedMethod);
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
}
