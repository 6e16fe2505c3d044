package io.localdps.serviceapi;

import io.localdps.common.QueryCondition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parsed QuerySpecification (service-api.md §3.8, §6):
 * {@code SELECT * FROM collection [WHERE condition]}, where a condition combines
 * {@code property = 'value'} and {@code property != 'value'} with AND, OR and parentheses; AND
 * binds tighter than OR, keywords ignore case, strings take single or double quotes (a doubled
 * quote inside stands for one). Anything else is refused with a message saying where and why,
 * since Azure's exact grammar is unknown and silently ignoring a clause would return wrong rows.
 *
 * @param collection as written, e.g. {@code enrollments}
 * @param where      null without a WHERE clause
 */
record ServiceQuery(String collection, QueryCondition where) {

    static ServiceQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw ServiceApiException.badRequest("The query is empty; expected SELECT * FROM <collection> [WHERE ...].");
        }
        return new Parser(QueryTokens.of(text)).query();
    }

    /**
     * The query is for one of these collections (ignoring case), else a 400 naming the first, the
     * one this route serves; the others are spellings SDKs use for it.
     */
    ServiceQuery requireCollection(String expected, String... alsoAccepted) {
        if (collection.equalsIgnoreCase(expected)
                || Arrays.stream(alsoAccepted).anyMatch(collection::equalsIgnoreCase)) {
            return this;
        }
        throw ServiceApiException.badRequest("This route queries " + expected + ", not " + collection + ".");
    }

    private static final class Parser {

        private final List<QueryTokens.Token> tokens;
        private int next;

        Parser(List<QueryTokens.Token> tokens) {
            this.tokens = tokens;
        }

        ServiceQuery query() {
            keyword("SELECT");
            symbol("*");
            keyword("FROM");
            String collection = identifier("a collection name after FROM");
            QueryCondition where = null;
            if (peekKeyword("WHERE")) {
                next++;
                where = or();
            }
            if (next < tokens.size()) {
                throw error("Unexpected \"" + tokens.get(next).text() + "\"");
            }
            return new ServiceQuery(collection, where);
        }

        private QueryCondition or() {
            List<QueryCondition> parts = new ArrayList<>(List.of(and()));
            while (peekKeyword("OR")) {
                next++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.getFirst() : new QueryCondition.Any(parts);
        }

        private QueryCondition and() {
            List<QueryCondition> parts = new ArrayList<>(List.of(primary()));
            while (peekKeyword("AND")) {
                next++;
                parts.add(primary());
            }
            return parts.size() == 1 ? parts.getFirst() : new QueryCondition.All(parts);
        }

        private QueryCondition primary() {
            if (peek(QueryTokens.Kind.SYMBOL, "(")) {
                next++;
                QueryCondition inner = or();
                symbol(")");
                return inner;
            }
            String property = identifier("a property name");
            QueryTokens.Token operator = take("= or !=");
            boolean equal = switch (operator.text()) {
                case "=" -> true;
                case "!=", "<>" -> false;
                default -> throw error("Expected = or != after " + property + " but found \"" + operator.text()
                        + "\" (only = and != are supported)");
            };
            QueryTokens.Token value = take("a value after " + property + " " + operator.text());
            if (value.kind() != QueryTokens.Kind.STRING && value.kind() != QueryTokens.Kind.LITERAL) {
                throw error("Expected a quoted string, number, true or false after " + property + " " + operator.text());
            }
            return new QueryCondition.Comparison(property, equal, value.text());
        }

        private void keyword(String keyword) {
            QueryTokens.Token token = take(keyword);
            if (token.kind() != QueryTokens.Kind.WORD || !token.text().equalsIgnoreCase(keyword)) {
                throw error("Expected " + keyword + " but found \"" + token.text() + "\"");
            }
        }

        private void symbol(String symbol) {
            QueryTokens.Token token = take(symbol);
            if (!token.text().equals(symbol)) {
                throw error("Expected " + symbol + " but found \"" + token.text() + "\"");
            }
        }

        private String identifier(String what) {
            QueryTokens.Token token = take(what);
            if (token.kind() != QueryTokens.Kind.WORD || QueryTokens.isKeyword(token.text())) {
                throw error("Expected " + what + " but found \"" + token.text() + "\"");
            }
            return token.text();
        }

        private boolean peekKeyword(String keyword) {
            return next < tokens.size() && tokens.get(next).kind() == QueryTokens.Kind.WORD
                    && tokens.get(next).text().toUpperCase(Locale.ROOT).equals(keyword);
        }

        private boolean peek(QueryTokens.Kind kind, String text) {
            return next < tokens.size() && tokens.get(next).kind() == kind && tokens.get(next).text().equals(text);
        }

        private QueryTokens.Token take(String expected) {
            if (next >= tokens.size()) {
                throw error("The query ends where " + expected + " was expected");
            }
            return tokens.get(next++);
        }

        private ServiceApiException error(String message) {
            return ServiceApiException.badRequest("Invalid query: " + message
                    + ". Supported: SELECT * FROM <collection> [WHERE property = 'value' AND|OR property != 'value' ...].");
        }
    }
}
