package io.localdps.networking;

import io.localdps.common.JdbcConverters;
import io.localdps.common.JsonColumn;
import org.springframework.stereotype.Component;

import java.util.List;

/** The rule list is stored as a JSON text column in ARM's shape. */
@Component
class NetworkingJdbcConverters implements JdbcConverters {

    @Override
    public List<?> converters() {
        return List.of(JsonColumn.of(NetworkSettings.IpFilterRuleList.class));
    }
}
