package io.cellfloor.cli;

import io.cellfloor.streams.config.StreamsAppConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** A command's settings: the {@code --config} properties file, then the environment on top. */
final class Settings {
    private Settings() {
    }

    /** {@code file} may be null: the environment alone. */
    static Map<String, String> load(final Path file) throws IOException {
        final Map<String, String> settings = new HashMap<>();
        if (file != null) {
            final Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
        }
        settings.putAll(StreamsAppConfig.fromEnvironment(System.getenv()));
        return settings;
    }
}
