package io.localdps.serviceapi;

import io.localdps.common.PageRequest;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The paging headers of service-api.md §6. The continuation token is base64url of the last key
 * (lower-case ID) the page held, and the next page starts after that key in key order (keyset
 * paging). Unlike an offset, this stays exact when rows are added or deleted between two pages:
 * no row that existed throughout is skipped or repeated, a row deleted before it is reached is not
 * returned, and a row added after the cursor appears. Opaque to clients and header-safe. The last
 * page carries no continuation header at all: Java's iterator pages on while the header is
 * present, so even an empty value would loop it forever.
 */
final class QueryPage {

    static final String ITEM_TYPE = "x-ms-item-type";
    static final String CONTINUATION = "x-ms-continuation";
    static final String MAX_ITEM_COUNT = "x-ms-max-item-count";
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    private static final String PREFIX = "after:";

    private final String afterKey;
    private final int size;

    private QueryPage(String afterKey, int size) {
        this.afterKey = afterKey;
        this.size = size;
    }

    /** Reads the request's paging headers; either may be absent, a malformed one is a 400. */
    static QueryPage of(String maxItemCount, String continuation) {
        return new QueryPage(afterKeyOf(continuation), sizeOf(maxItemCount));
    }

    /** One more row than the page holds, so that a last page is known without counting. */
    PageRequest lookAhead() {
        return PageRequest.afterKey(afterKey, size + 1);
    }

    /** @param idOf the row's ID (registration ID or group name), whose lower case is its key */
    <T> ResponseEntity<String> answer(String itemType, List<T> rows, Function<T, String> idOf, Function<T, Object> present) {
        boolean more = rows.size() > size;
        List<Object> items = rows.stream().limit(size).map(present).toList();
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok().contentType(ApiBodies.JSON)
                .header(ITEM_TYPE, itemType)
                .header(MAX_ITEM_COUNT, Integer.toString(size));
        if (more) {
            builder.header(CONTINUATION, token(idOf.apply(rows.get(size - 1)).toLowerCase(Locale.ROOT)));
        }
        return builder.body(io.localdps.common.Json.write(items));
    }

    static String token(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String afterKeyOf(String continuation) {
        if (continuation == null || continuation.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(continuation.trim()), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX) && decoded.length() > PREFIX.length()) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal: not a token this service issued
        }
        throw ServiceApiException.badRequest("The " + CONTINUATION + " header is not a continuation token this service issued.");
    }

    private static int sizeOf(String maxItemCount) {
        if (maxItemCount == null || maxItemCount.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int requested = Integer.parseInt(maxItemCount.trim());
            if (requested > 0) {
                return Math.min(requested, MAX_SIZE);
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ServiceApiException.badRequest("The " + MAX_ITEM_COUNT + " header must be a positive whole number.");
    }
}
