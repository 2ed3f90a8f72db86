package io.cellfloor.schema.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https registry whose self-signed certificate is trusted through the configured truststore. */
class RegistryTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static Path keystore;
    private static HttpsServer server;

    @BeforeAll
    static void startHttpsServer() throws IOException, InterruptedException, GeneralSecurityException {
        keystore = dir.resolve("registry.p12");
        generateSelfSignedKeystore(keystore);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
        server.createContext("/", exchange -> {
            final byte[] body = "[\"tls-value\"]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldTrustTheRegistryCertificateFromTheConfiguredTruststore() {
        final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(Map.of(
            RegistryConfig.URL, url(),
            RegistryConfig.TRUSTSTORE_LOCATION, keystore.toString(),
            RegistryConfig.TRUSTSTORE_PASSWORD, PASSWORD,
            RegistryConfig.TRUSTSTORE_TYPE, "PKCS12")));

        assertThat(client.subjects()).containsExactly("tls-value");
    }

    @Test
    void shouldRefuseAnUntrustedCertificateWithoutRetrying() {
        final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.forUrl(url()));

        assertThatThrownBy(client::subjects)
            .isInstanceOf(SchemaRegistryException.class)
            .hasMessageContaining("TLS with the schema registry failed")
            .hasMessageContaining(url() + "/subjects")
            .hasMessageContaining(RegistryConfig.TRUSTSTORE_LOCATION);
    }

    @Test
    void shouldNameTheTruststoreItCannotLoad() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient(RegistryConfig.fromMap(Map.of(
                RegistryConfig.URL, url(),
                RegistryConfig.TRUSTSTORE_LOCATION, keystore.toString(),
                RegistryConfig.TRUSTSTORE_PASSWORD, "wrong",
                RegistryConfig.TRUSTSTORE_TYPE, "PKCS12"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Cannot load the schema registry truststore " + keystore);
    }

    private static String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void generateSelfSignedKeystore(final Path target) throws IOException, InterruptedException {
        final Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        final Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "registry",
            "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
            "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", target.toString(),
            "-storepass", PASSWORD, "-keypass", PASSWORD)
            .redirectErrorStream(true)
            .start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static SSLContext serverContext(final Path keystore) throws IOException, GeneralSecurityException {
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
