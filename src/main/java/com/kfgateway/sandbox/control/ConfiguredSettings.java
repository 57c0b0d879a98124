package com.kfgateway.sandbox.control;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * What the operator configured, read from every MicroProfile ConfigSource but the sandbox's own (which answers with
 * the simulator's values). Read from the sources directly, never through the Config, so reading it cannot ask the
 * sandbox's source anything. A source that fails (a vault out of reach, say) has nothing to say here.
 */
final class ConfiguredSettings {

    private final List<ConfigSource> sources;

    private ConfiguredSettings(List<ConfigSource> sources) {
        this.sources = sources;
    }

    static ConfiguredSettings of(Iterable<ConfigSource> all) {
        return new ConfiguredSettings(StreamSupport.stream(all.spliterator(), false)
                .filter(source -> !(source instanceof SandboxConfigSource))
                .sorted(Comparator.comparingInt(ConfigSource::getOrdinal).reversed())
                .toList());
    }

    /** The first non-blank value, highest ordinal first, under the key or an environment variable name for it. */
    String value(String key) {
        String underscored = key.replaceAll("[^A-Za-z0-9]", "_");
        for (ConfigSource source : sources) {
            for (String name : List.of(key, underscored, underscored.toUpperCase(Locale.ROOT))) {
                String value = read(source, name);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** Every name a source gives a non-blank value, as written there: WECOM_CORPID, wecom_corp_id, wecom.corp-id. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (ConfigSource source : sources) {
            Set<String> listed;
            try {
                listed = source.getPropertyNames();
            } catch (RuntimeException e) {
                continue;
            }
            if (listed != null) {
                listed.stream().filter(name -> read(source, name) != null).forEach(names::add);
            }
        }
        return names;
    }

    /** The environment variable a name maps to under MicroProfile's rules: wecom.corp-id → WECOM_CORP_ID. */
    static String variableOf(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String read(ConfigSource source, String name) {
        try {
            String value = source.getValue(name);
            return value == null || value.isBlank() ? null : value.trim();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
