package io.localdps.simulator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custom payload each device sends as {@code payload} in its register body (device-api.md
 * §2.1), a JSON text in which {@code {id}} is replaced by the registration ID and {@code {n}} by the
 * device number, e.g. {@code {"modelId":"dtmi:demo;1","serial":"{id}"}}.
 *
 * @param template the JSON template; checked to give valid JSON
 */
public record PayloadTemplate(String template) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public PayloadTemplate {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("the payload template is empty");
        }
        try {
            JSON.readTree(template.replace("{id}", "sim-1").replace("{n}", "1"));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the payload template does not give JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The payload of one device. */
    public JsonNode render(String registrationId, long n) {
        return JSON.readTree(template.replace("{id}", registrationId).replace("{n}", Long.toString(n)));
    }
}
