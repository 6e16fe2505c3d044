package io.localdps.serviceapi;

import java.util.Arrays;

/** The modes of a bulk operation (service-api.md §3.7); the JSON names are the SDKs'. */
enum BulkMode {
    CREATE("create"), UPDATE("update"), UPDATE_IF_MATCH_ETAG("updateIfMatchETag"), DELETE("delete");

    private final String apiName;

    BulkMode(String apiName) {
        this.apiName = apiName;
    }

    /** A missing or unknown mode refuses the whole call: guessing one could delete what was meant to be created. */
    static BulkMode of(String mode) {
        return Arrays.stream(values()).filter(m -> m.apiName.equalsIgnoreCase(mode)).findFirst()
                .orElseThrow(() -> ServiceApiException.badRequest("Unknown bulk mode \"" + mode
                        + "\"; expected create, update, updateIfMatchETag or delete."));
    }
}
