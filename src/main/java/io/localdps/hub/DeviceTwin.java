package io.localdps.hub;

import io.localdps.common.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A device twin as its hub holds it. Each properties section carries its own {@code $version},
 * which counts the writes to that section; the first is 1, as IoT Hub's.
 */
public record DeviceTwin(String hubHostName, String deviceId, String etag, ObjectNode tags,
                         ObjectNode desiredProperties, long desiredVersion,
                         ObjectNode reportedProperties, long reportedVersion) {

    public DeviceTwin {
        tags = tags.deepCopy();
        desiredProperties = desiredProperties.deepCopy();
        reportedProperties = reportedProperties.deepCopy();
    }

    /** The twin in IoT Hub's JSON shape, {@code $version} inside each properties section. */
    public ObjectNode document() {
        ObjectNode twin = Json.emptyObject();
        twin.put("deviceId", deviceId);
        twin.put("etag", etag);
        twin.set("tags", tags.deepCopy());
        ObjectNode properties = twin.putObject("properties");
        properties.set("desired", withVersion(desiredProperties, desiredVersion));
        properties.set("reported", withVersion(reportedProperties, reportedVersion));
        return twin;
    }

    public TwinContent content() {
        return new TwinContent(tags, desiredProperties);
    }

    private static ObjectNode withVersion(ObjectNode section, long version) {
        ObjectNode copy = section.deepCopy();
        copy.put("$version", version);
        return copy;
    }
}
