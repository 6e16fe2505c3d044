package io.localdps.registration;

import java.time.Instant;

/**
 * One registration attempt as the console shows it: when, over which transport, how it ended and
 * why. The detail never holds key material.
 */
public record Attempt(Instant at, String transport, String outcome, String detail) {
}
