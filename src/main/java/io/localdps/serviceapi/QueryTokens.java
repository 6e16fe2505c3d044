package io.localdps.serviceapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a service API query into words, quoted strings, literals and symbols for {@link ServiceQuery}. */
final class QueryTokens {

    enum Kind { WORD, STRING, LITERAL, SYMBOL }

    record Token(Kind kind, String text) {
    }

    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR");

    private QueryTokens() {
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(text, i, tokens);
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int end = i;
                while (end < text.length() && isWordPart(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                boolean literal = word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false");
                tokens.add(new Token(literal ? Kind.LITERAL : Kind.WORD, literal ? word.toLowerCase(Locale.ROOT) : word));
                i = end;
            } else if (Character.isDigit(c) || c == '-') {
                int end = i + 1;
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.LITERAL, text.substring(i, end)));
                i = end;
            } else if (text.startsWith("!=", i) || text.startsWith("<>", i)) {
                tokens.add(new Token(Kind.SYMBOL, text.substring(i, i + 2)));
                i += 2;
            } else {
                // = * ( ) are the grammar's; any other symbol (<, >, %, ;) reaches the parser to be refused there, in context.
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    private static int quoted(String text, int start, List<Token> tokens) {
        char quote = text.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Kind.STRING, value.toString()));
                return i + 1;
            }
            value.append(c);
            i++;
        }
        throw ServiceApiException.badRequest("Invalid query: the string starting at position " + (start + 1) + " is not closed.");
    }
}
