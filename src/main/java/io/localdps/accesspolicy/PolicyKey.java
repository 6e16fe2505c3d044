package io.localdps.accesspolicy;

/** Which of a policy's two keys: two, so that clients can be moved to one while the other is regenerated. */
public enum PolicyKey {
    PRIMARY, SECONDARY
}
