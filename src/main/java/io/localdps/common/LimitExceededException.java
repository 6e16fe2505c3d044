package io.localdps.common;

/** A quota of behaviour.md §10 would be exceeded. */
public class LimitExceededException extends RuntimeException {

    public LimitExceededException(String message) {
        super(message);
    }
}
