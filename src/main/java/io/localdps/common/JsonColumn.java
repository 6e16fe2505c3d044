package io.localdps.common;

import org.springframework.data.convert.ConverterBuilder;

/** A reading/writing converter pair that keeps a value object as a JSON text column. */
public final class JsonColumn {

    private JsonColumn() {
    }

    public static <T> ConverterBuilder.ConverterAware of(Class<T> type) {
        return ConverterBuilder.reading(String.class, type, json -> Json.read(json, type))
                .andWriting(Json::write);
    }
}
