package io.localdps.networking;

/**
 * The new rules would reject the admin's own address on the service API, and the admin did not
 * confirm it. Nothing was saved. (The console itself is never filtered.)
 */
public class LockoutNotConfirmedException extends RuntimeException {

    public LockoutNotConfirmedException(String message) {
        super(message);
    }
}
