package io.localdps.common;

import java.util.List;

/**
 * Implemented by feature packages that store value objects in columns of their own (most often as
 * JSON documents beside key columns). {@link PersistenceConfiguration} collects them all.
 */
public interface JdbcConverters {

    /** Spring converters or {@code ConverterBuilder.ConverterAware} pairs. */
    List<?> converters();
}
