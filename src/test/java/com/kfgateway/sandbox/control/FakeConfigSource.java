package com.kfgateway.sandbox.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** A MicroProfile ConfigSource over a map, standing in for the server's environment, properties or secrets. */
record FakeConfigSource(String name, int ordinal, Map<String, String> values) implements ConfigSource {

    static FakeConfigSource environment(Map<String, String> variables) {
        return new FakeConfigSource("Environment", 300, variables);
    }

    static FakeConfigSource systemProperties(Map<String, String> properties) {
        return new FakeConfigSource("System properties", 400, properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
