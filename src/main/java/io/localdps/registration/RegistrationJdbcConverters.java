package io.localdps.registration;

import io.localdps.common.JdbcConverters;
import io.localdps.common.JsonColumn;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class RegistrationJdbcConverters implements JdbcConverters {

    @Override
    public List<?> converters() {
        return List.of(JsonColumn.of(AttemptLog.class), JsonColumn.of(OperationWork.class));
    }
}
