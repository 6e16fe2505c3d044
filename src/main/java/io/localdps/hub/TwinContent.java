package io.localdps.hub;

import io.localdps.common.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The twin sections DPS writes: tags and desired properties (behaviour.md §6.2). A null section is
 * an empty object. Reported properties belong to the device and are never written by DPS.
 */
public record TwinContent(ObjectNode tags, ObjectNode desiredProperties) {

    public TwinContent {
        tags = tags == null ? Json.emptyObject() : tags.deepCopy();
        desiredProperties = desiredProperties == null ? Json.emptyObject() : desiredProperties.deepCopy();
    }

    public static TwinContent empty() {
        return new TwinContent(null, null);
    }
}
