package io.localdps.common;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The one JSON mapper for stored documents and JSON typed by admins. Unknown properties are
 * ignored, as the spec asks of every body we read.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static ObjectNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses text an admin typed that must be a JSON object.
     *
     * @return the object, or the reason it is not one (with the parser's line and column)
     */
    public static ParsedObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            return new ParsedObject(emptyObject(), null);
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return new ParsedObject(object, null);
            }
            return new ParsedObject(null, "Must be a JSON object such as {\"key\": \"value\"}, not " + describe(node));
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new ParsedObject(null, "Not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Either an object or an error message. */
    public record ParsedObject(ObjectNode object, String error) {
        public boolean ok() {
            return error == null;
        }

        public Optional<String> errorMessage() {
            return Optional.ofNullable(error);
        }
    }
}
