package io.localdps.enrollment;

import io.localdps.common.EntityTag;
import io.localdps.common.StaleVersionException;

/**
 * Rules the service API's create-or-replace shares between individual enrollments and groups
 * (service-api.md §3.4, §4.1).
 */
final class StoredCredentials {

    private StoredCredentials() {
    }

    /**
     * An update that omits symmetric keys keeps the stored ones: the Java client updates by
     * GET → modify → PUT, and GET hides the keys, so "no keys" on update must never read as
     * "generate new keys" (client-compat.md SVC-6). Keys that are sent replace the stored ones.
     */
    static Attestation keepKeysWhenOmitted(Attestation input, Attestation stored) {
        if (input == null || input.type() != AttestationType.SYMMETRIC_KEY || stored == null
                || stored.type() != AttestationType.SYMMETRIC_KEY) {
            return input;
        }
        Attestation.SymmetricKey given = input.symmetricKey();
        String primary = given == null ? null : given.primaryKey();
        String secondary = given == null ? null : given.secondaryKey();
        return Attestation.symmetricKey(blank(primary) ? stored.symmetricKey().primaryKey() : primary,
                blank(secondary) ? stored.symmetricKey().secondaryKey() : secondary);
    }

    /** If-Match on a resource that does not exist fails, even {@code *} (service-api.md §4.1). */
    static void checkIfMatch(String ifMatch, String currentEtag, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (currentEtag == null || !EntityTag.matches(ifMatch, currentEtag)) {
            throw new StaleVersionException(currentEtag == null
                    ? "If-Match was given but " + what + " does not exist."
                    : "The ETag in If-Match does not match the current ETag of " + what + ".");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
