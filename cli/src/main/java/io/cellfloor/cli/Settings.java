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

    static Map<String, String> load(final Options options) throws IOException {
        final Map<String, String> settings = new HashMap<>();
        final String file = options.text("config", null);
        if (file != null) {
            final Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of(file))) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
        }
        settings.putAll(StreamsAppConfig.fromEnvironment(System.getenv()));
        return settings;
    }
}
