package io.localdps.common;

import java.util.List;

/**
 * A WHERE condition of the service API's query language (service-api.md §6), still in the API's
 * property names. The feature that owns the table turns it into SQL ({@link QueryColumns}), so
 * the filtering happens in the database and the API never learns column names.
 */
public sealed interface QueryCondition {

    /** {@code property = 'value'} or, with {@code equal} false, {@code property != 'value'}. */
    record Comparison(String property, boolean equal, String value) implements QueryCondition {
    }

    record All(List<QueryCondition> parts) implements QueryCondition {
        public All {
            parts = List.copyOf(parts);
        }
    }

    record Any(List<QueryCondition> parts) implements QueryCondition {
        public Any {
            parts = List.copyOf(parts);
        }
    }
}
