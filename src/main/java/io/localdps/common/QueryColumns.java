package io.localdps.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The queryable properties of one table: API property name → column and how a query's literal
 * becomes the stored value. Renders a {@link QueryCondition} as parameterised SQL; a property
 * the table does not offer is the caller's mistake (400), named with the ones that exist.
 */
public final class QueryColumns {

    /** One queryable column; {@code value} turns the query's literal into what is stored. */
    public record Column(String name, Function<String, Object> value) {
    }

    private final Map<String, Column> columns;

    public QueryColumns(Map<String, Column> columns) {
        this.columns = Map.copyOf(columns);
    }

    public static Column text(String name) {
        return new Column(name, value -> value);
    }

    /** IDs and host names are stored lower-case so that they compare ignoring case. */
    public static Column lowerCase(String name) {
        return new Column(name, value -> value.toLowerCase(Locale.ROOT));
    }

    /**
     * An enum stored by constant name and spelled in camelCase by the API ({@code geoLatency} is
     * {@code GEO_LATENCY}); an unknown spelling matches no row, as a value no row holds would.
     */
    public static <E extends Enum<E>> Column enumerated(String name, Class<E> type) {
        return new Column(name, value -> {
            String wanted = value.replace("_", "").toLowerCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                    return constant.name();
                }
            }
            return value;
        });
    }

    /**
     * @param params receives the literals under names {@code q0, q1, …}
     * @return the SQL condition, parenthesised
     */
    public String toSql(QueryCondition condition, Map<String, Object> params) {
        return switch (condition) {
            case QueryCondition.All all -> join(all.parts(), " AND ", params);
            case QueryCondition.Any any -> join(any.parts(), " OR ", params);
            case QueryCondition.Comparison comparison -> comparison(comparison, params);
        };
    }

    private String join(List<QueryCondition> parts, String operator, Map<String, Object> params) {
        List<String> rendered = new ArrayList<>();
        for (QueryCondition part : parts) {
            rendered.add(toSql(part, params));
        }
        return "(" + String.join(operator, rendered) + ")";
    }

    private String comparison(QueryCondition.Comparison comparison, Map<String, Object> params) {
        Column column = columns.get(comparison.property());
        if (column == null) {
            throw new InvalidInputException(Map.of("query", "The property \"" + comparison.property()
                    + "\" cannot be queried here; queryable properties are " + new TreeSet<>(columns.keySet()) + "."));
        }
        String param = "q" + params.size();
        params.put(param, column.value().apply(comparison.value()));
        // A column without a value is not equal to anything, so != must include it.
        return comparison.equal() ? "(" + column.name() + " = :" + param + ")"
                : "(" + column.name() + " IS NULL OR " + column.name() + " <> :" + param + ")";
    }
}
