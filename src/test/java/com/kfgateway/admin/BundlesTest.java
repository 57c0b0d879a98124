package com.kfgateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/com/kfgateway/admin/console", "/com/kfgateway/doctor/checks"})
    void chineseAndEnglishHaveTheSameKeys(String base) throws IOException {
        assertEquals(new TreeSet<>(load(base + ".properties").stringPropertyNames()),
                new TreeSet<>(load(base + "_zh.properties").stringPropertyNames()));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
