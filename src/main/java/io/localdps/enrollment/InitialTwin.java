package io.localdps.enrollment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.localdps.common.Json;
import tools.jackson.databind.node.ObjectNode;

/** The tags and desired properties written into a device twin on (re)assignment. */
public record InitialTwin(ObjectNode tags, ObjectNode desiredProperties) {

    public InitialTwin {
        tags = tags == null ? Json.emptyObject() : tags;
        desiredProperties = desiredProperties == null ? Json.emptyObject() : desiredProperties;
    }

    public static InitialTwin empty() {
        return new InitialTwin(null, null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return tags.isEmpty() && desiredProperties.isEmpty();
    }
}
