package io.localdps.common;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

import java.util.List;

/** Spring Data JDBC set-up: repositories of every feature package, plus their value converters. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackages = "io.localdps")
public class PersistenceConfiguration extends AbstractJdbcConfiguration {

    private final ObjectProvider<JdbcConverters> converters;

    public PersistenceConfiguration(ObjectProvider<JdbcConverters> converters) {
        this.converters = converters;
    }

    @Override
    protected List<?> userConverters() {
        return converters.orderedStream().flatMap(c -> c.converters().stream()).toList();
    }
}
