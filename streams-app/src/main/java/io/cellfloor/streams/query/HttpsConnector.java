package io.cellfloor.streams.query;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The query API's only listener when HTTPS is on: Jetty's TLS connector with the configured keystore. Javalin adds
 * its plain-HTTP connector only when none is configured, so with this one there is no HTTP port to fall back to.
 */
final class HttpsConnector {
    private HttpsConnector() {
    }

    static Connector create(final Server server, final HttpConfiguration http, final HttpsSettings https,
                            final String host, final int port) {
        final SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(https.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(https.keystorePassword());
        ssl.setKeyStoreType(https.keystoreType());
        final HttpConfiguration secure = new HttpConfiguration(http);
        final SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        // instances are often addressed by IP or a service name the certificate does not list first; the client
        // checks the certificate, the server need not check the name it was asked by
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        final ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(secure));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
