package io.localdps.hub;

import io.localdps.common.JdbcConverters;
import io.localdps.common.JsonColumn;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** Hub device credentials and twin sections, stored as JSON text columns. */
@Component
class HubJdbcConverters implements JdbcConverters {

    @Override
    public List<?> converters() {
        return List.of(JsonColumn.of(DeviceAuthentication.class), JsonColumn.of(ObjectNode.class));
    }
}
