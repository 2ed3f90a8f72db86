package io.cellfloor.streams.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the query API: the keystore the server presents and the truststore it checks other instances with when
 * it forwards a query (and the bearer token) to them. Keys, in the app's settings:
 * {@code cellfloor.http-keystore-location} (turns HTTPS on), {@code cellfloor.http-keystore-password},
 * {@code cellfloor.http-keystore-type} (PKCS12), {@code cellfloor.http-truststore-location} and
 * {@code cellfloor.http-truststore-password} (default: the JVM's trusted CAs).
 *
 * @param truststore null to trust the JVM's default CAs
 */
public record HttpsSettings(Path keystore, String keystorePassword, String keystoreType, Path truststore,
                            String truststorePassword) {

    public static final String KEYSTORE = "cellfloor.http-keystore-location";

    /** HTTPS settings when {@value #KEYSTORE} is set, else null (plain HTTP). */
    static HttpsSettings parse(final Map<String, String> s) {
        final String keystore = s.get(KEYSTORE);
        if (keystore == null || keystore.isBlank()) {
            return null;
        }
        final String truststore = s.get("cellfloor.http-truststore-location");
        return new HttpsSettings(Path.of(keystore.trim()), s.getOrDefault("cellfloor.http-keystore-password", ""),
                s.getOrDefault("cellfloor.http-keystore-type", "PKCS12"),
                truststore == null || truststore.isBlank() ? null : Path.of(truststore.trim()),
                s.getOrDefault("cellfloor.http-truststore-password", ""));
    }

    /** The client side: an SSL context trusting {@link #truststore()} (or the JVM's CAs), for asking peers. */
    public SSLContext clientContext() {
        try {
            if (truststore == null) {
                return SSLContext.getDefault();
            }
            final KeyStore store = KeyStore.getInstance(keystoreType);
            try (InputStream in = Files.newInputStream(truststore)) {
                store.load(in, truststorePassword.toCharArray());
            }
            final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the query API's truststore " + truststore + " could not be read ("
                    + e.getClass().getSimpleName() + "); check cellfloor.http-truststore-location and -password", e);
        }
    }

    @Override
    public String toString() {
        return "HttpsSettings[keystore=" + keystore + ", type=" + keystoreType + ", truststore="
                + (truststore == null ? "JVM default" : truststore) + "]";
    }
}
