package io.cellfloor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version Maven wrote into {@code cellfloor-version.properties} at build time. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        final Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/cellfloor-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"cellfloor " + p.getProperty("version", "(version unknown: not built by Maven)")};
    }
}
