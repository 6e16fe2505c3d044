package io.localdps.enrollment;

import io.localdps.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The IoT Hub twin rules an initial twin must meet (behaviour.md §11, service-api.md §3.5). */
class TwinSectionRulesTest {

    @Test
    void blankTextIsAnEmptyObject() {
        Json.ParsedObject parsed = parse("  ");

        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.object().isEmpty()).isTrue();
    }

    @Test
    void anObjectWithNestedValuesIsAccepted() {
        Json.ParsedObject parsed = parse("{\"site\": \"plant-a\", \"line\": 3, \"limits\": {\"max\": 2.5, \"on\": true}, \"zones\": [1, 2]}");

        assertThat(parsed.errorMessage()).isEmpty();
        assertThat(parsed.object().get("limits").get("max").asDouble()).isEqualTo(2.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[1, 2]          | an array",
            "\"plant-a\"     | a string",
            "42              | a number",
            "true            | a boolean",
            "null            | null"})
    void jsonThatIsNotAnObjectIsRefusedSayingWhatItIs(String text, String what) {
        assertThat(parse(text).error()).isEqualTo("Must be a JSON object such as {\"key\": \"value\"}, not " + what);
    }

    @Test
    void invalidJsonIsRefusedWithTheParsersLineAndColumn() {
        String text = "{\n  \"site\": \"plant-a\",\n  \"line\": \n}";

        assertThat(parse(text).error()).matches("Not valid JSON at line 4, column 1: .+");
    }

    @Test
    void anUnclosedObjectIsRefusedAsInvalidJson() {
        assertThat(parse("{\"site\": \"plant-a\"").error()).startsWith("Not valid JSON at line 1, column ");
    }

    @Test
    void textAfterTheObjectIsRefusedRatherThanSilentlyDropped() {
        assertThat(parse("{\"a\": 1} {\"b\": 2}").error()).startsWith("Not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$version\": 4}", "{\"$metadata\": {}}", "{\"outer\": {\"$inner\": 1}}"})
    void keysStartingWithDollarAreReserved(String text) {
        assertThat(parse(text).error()).contains("starts with $, which is reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a.b\": 1}", "{\"outer\": {\"x.y\": 1}}", "{\"a b\": 1}", "{\"a\\u0001b\": 1}",
            "{\"a\\u007fb\": 1}", "{\"a\\u0085b\": 1}", "{\"a\\u009fb\": 1}"})
    void keysWithDotsSpacesOrControlCharactersAreRefused(String text) {
        assertThat(parse(text).error()).contains("must not contain dots, spaces or control characters");
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThat(parse("{\"\": 1}").error()).isEqualTo("Keys in device tags must not be empty.");
    }

    @Test
    void keysUpTo1KilobyteAreAcceptedAndLongerOnesRefused() {
        assertThat(parse("{\"" + "k".repeat(1024) + "\": 1}").ok()).isTrue();
        assertThat(parse("{\"" + "k".repeat(1025) + "\": 1}").error()).isEqualTo("Keys in device tags can be at most 1 KB long.");
    }

    @Test
    void stringValuesUpTo4KilobytesAreAcceptedAndLongerOnesRefused() {
        assertThat(parse("{\"note\": \"" + "n".repeat(4096) + "\"}").ok()).isTrue();
        assertThat(parse("{\"note\": \"" + "n".repeat(4097) + "\"}").error())
                .isEqualTo("Strings in device tags can be at most 4096 characters long.");
    }

    /** The example IoT Hub's documentation gives as valid: ten nested objects under the section. */
    @Test
    void tenNestedObjectsAsInIotHubsOwnExampleAreAccepted() {
        assertThat(problemOf(nested(10), "device tags", EnrollmentRules.MAX_TAGS_BYTES)).isEmpty();
    }

    @Test
    void elevenNestedObjectsAreRefused() {
        assertThat(problemOf(nested(11), "device tags", EnrollmentRules.MAX_TAGS_BYTES))
                .hasValue("Device tags may be nested at most 10 levels deep.");
    }

    @Test
    void nestingThroughArraysCountsToo() {
        String deep = "{\"a\": " + "[".repeat(11) + "1" + "]".repeat(11) + "}";

        assertThat(parse(deep).error()).isEqualTo("Device tags may be nested at most 10 levels deep.");
    }

    @Test
    void tagsOverEightKilobytesAreRefusedWithTheirSize() {
        ObjectNode large = objectOfSize(9_000);
        int size = Json.write(large).length();

        assertThat(problemOf(large, "device tags", EnrollmentRules.MAX_TAGS_BYTES))
                .hasValue("Device tags are " + size + " bytes; at most 8192 are allowed.");
    }

    @Test
    void desiredPropertiesMayBeLargerThanTagsButNotOver32Kilobytes() {
        assertThat(problemOf(objectOfSize(9_000), "desired properties", EnrollmentRules.MAX_DESIRED_BYTES)).isEmpty();
        assertThat(problemOf(objectOfSize(33_000), "desired properties", EnrollmentRules.MAX_DESIRED_BYTES))
                .hasValueSatisfying(m -> assertThat(m).startsWith("Desired properties are ").endsWith("at most 32768 are allowed."));
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Size() {
        ObjectNode tags = Json.emptyObject();
        for (int i = 0; i < 3; i++) {
            tags.put("k" + i, "€".repeat(1000)); // 3 bytes each in UTF-8: about 9 KB, but 3,000 characters
        }

        assertThat(problemOf(tags, "device tags", EnrollmentRules.MAX_TAGS_BYTES)).isPresent();
    }

    private static Json.ParsedObject parse(String text) {
        return EnrollmentRules.parseTwinSection(text, "device tags", EnrollmentRules.MAX_TAGS_BYTES);
    }

    private static Optional<String> problemOf(ObjectNode section, String what, int maxBytes) {
        return EnrollmentRules.twinSectionProblem(section, what, maxBytes);
    }

    /** {@code {"level1": {"level2": ... {"levelN": {"property": "value"}}}}}. */
    private static ObjectNode nested(int levels) {
        ObjectNode section = Json.emptyObject();
        ObjectNode current = section;
        for (int level = 1; level <= levels; level++) {
            current = current.putObject("level" + level);
        }
        current.put("property", "value");
        return section;
    }

    private static ObjectNode objectOfSize(int approximateBytes) {
        ObjectNode object = Json.emptyObject();
        for (int i = 0; i * 110 < approximateBytes; i++) {
            object.put("key" + i, "v".repeat(100));
        }
        return object;
    }
}
