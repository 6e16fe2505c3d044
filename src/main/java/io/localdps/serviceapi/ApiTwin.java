package io.localdps.serviceapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.localdps.common.InvalidInputException;
import io.localdps.enrollment.InitialTwin;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** {@code initialTwin} in the API's shape {@code {tags, properties: {desired}}} (service-api.md §3.5). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiTwin(ObjectNode tags, Properties properties) {

    /** Metadata older SDKs send back (Java's TwinCollection); dropped, never stored. */
    private static final List<String> DROPPED = List.of("$metadata", "$version");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Properties(ObjectNode desired) {
    }

    static ApiTwin of(InitialTwin twin) {
        return new ApiTwin(twin.tags(), new Properties(twin.desiredProperties()));
    }

    InitialTwin toInitialTwin() {
        ObjectNode desired = properties == null ? null : properties.desired();
        return new InitialTwin(clean(tags, "initialTwin.tags"), clean(desired, "initialTwin.properties.desired"));
    }

    private static ObjectNode clean(ObjectNode section, String field) {
        if (section == null) {
            return null;
        }
        ObjectNode copy = section.deepCopy();
        DROPPED.forEach(copy::remove);
        copy.propertyNames().forEach(name -> {
            if (name.startsWith("$")) {
                throw new InvalidInputException(Map.of(field, "Keys starting with '$' are reserved: " + name));
            }
        });
        return copy;
    }
}
