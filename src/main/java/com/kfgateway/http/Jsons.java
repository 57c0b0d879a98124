package com.kfgateway.http;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * JSON builders and readers for outbound calls from one provider looked up once. {@code Json.createObjectBuilder()}
 * and its siblings look the provider up through the service loader on every call, which scans the application's
 * jars: at a thousand sends a second that was a visible share of the CPU.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return BUILDERS.createArrayBuilder(values);
    }

    public static JsonReader reader(Reader reader) {
        return READERS.createReader(reader);
    }
}
