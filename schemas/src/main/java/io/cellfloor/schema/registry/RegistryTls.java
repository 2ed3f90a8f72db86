package io.cellfloor.schema.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS context for {@code https://} registries from the configured truststore, if one is set. */
final class RegistryTls {

    private RegistryTls() {
    }

    /** Empty when no truststore is configured: the JVM's default trust (cacerts) applies. */
    static Optional<SSLContext> fromTruststore(final RegistryConfig config) {
        return config.truststoreLocation().map(location ->
            load(location, config.truststoreType(), config.truststorePassword().orElse("")));
    }

    private static SSLContext load(final Path location, final String type, final String password) {
        try (InputStream in = Files.newInputStream(location)) {
            final KeyStore truststore = KeyStore.getInstance(type);
            truststore.load(in, password.toCharArray());
            final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(truststore);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (final IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot load the schema registry truststore " + location + " (type "
                + type + ", set by " + RegistryConfig.TRUSTSTORE_LOCATION + "/" + RegistryConfig.TRUSTSTORE_TYPE
                + "): " + e.getMessage(), e);
        }
    }
}
