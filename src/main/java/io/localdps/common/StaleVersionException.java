package io.localdps.common;

/**
 * Someone else changed the resource since it was read: the update would silently overwrite their
 * change, so it is refused (optimistic locking; the API answers 412).
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String message) {
        super(message);
    }
}
