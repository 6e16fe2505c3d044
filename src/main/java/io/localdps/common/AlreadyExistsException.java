package io.localdps.common;

/** A create for an identifier that is taken (compared case-insensitively). */
public class AlreadyExistsException extends InvalidInputException {

    public AlreadyExistsException(String field, String message) {
        super(field, message);
    }
}
