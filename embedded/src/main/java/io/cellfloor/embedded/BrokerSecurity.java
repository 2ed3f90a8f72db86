package io.cellfloor.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security of a secured embedded broker, and the client settings that go with it: clients authenticate with
 * SCRAM-SHA-512 over TLS ({@code SASL_SSL}), every request is checked by KRaft's {@code StandardAuthorizer}, and
 * no principal may do anything an ACL does not grant ({@code allow.everyone.if.no.acl.found=false}).
 *
 * <p>Why three listeners: SCRAM credentials live in the cluster metadata, so the controller cannot check them
 * before it has started; the controller and the broker's own inter-broker listener therefore use mutual TLS with
 * the broker certificate, whose principal ({@code User:CN=broker}) is the only super user. Tests administer the
 * cluster (users, ACLs, topics) as that principal through {@link #superUserClient(String)}; applications get
 * {@link #scramClient(String, String, String)} with their own user.
 */
public final class BrokerSecurity {

    /** The client listener's name and protocol. */
    static final String CLIENT_LISTENER = "SASL_SSL";
    /** The inter-broker listener: mutual TLS, for the broker itself and test administration. */
    static final String INTERNAL_LISTENER = "INTERNAL";
    /** The only SASL mechanism enabled. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final TlsMaterial tls;

    public BrokerSecurity(final TlsMaterial tls) {
        this.tls = tls;
    }

    public TlsMaterial tls() {
        return tls;
    }

    /** The principal of the broker certificate, the cluster's only super user. */
    public String superUser() {
        return "User:" + tls.subject();
    }

    /** The server properties that secure a combined node (listeners are set by {@link NodeConfigs}). */
    Map<String, String> serverProperties() {
        final Map<String, String> props = new LinkedHashMap<>();
        props.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_SSL," + INTERNAL_LISTENER + ":SSL,"
            + NodeConfigs.CONTROLLER_LISTENER + ":SSL");
        props.put("inter.broker.listener.name", INTERNAL_LISTENER);
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", SCRAM_MODULE + " required;");
        props.putAll(keystore());
        props.putAll(truststore());
        // mutual TLS on the SSL listeners (controller, inter-broker); SASL_SSL clients present no certificate
        props.put("ssl.client.auth", "required");
        props.put("listener.name.sasl_ssl.ssl.client.auth", "none");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("super.users", superUser());
        return props;
    }

    /**
     * Client settings for a SCRAM user: the same keys an application puts in its properties file.
     *
     * @param bootstrapServers the cluster's {@code SASL_SSL} addresses
     */
    public Map<String, Object> scramClient(final String bootstrapServers, final String user, final String password) {
        final Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", SCRAM_MODULE + " required username=\"" + user + "\" password=\"" + password
            + "\";");
        props.putAll(truststore());
        return props;
    }

    /** Client settings of the super user over the inter-broker listener, to create users, ACLs and topics. */
    public Map<String, Object> superUserClient(final String internalBootstrapServers) {
        final Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", internalBootstrapServers);
        props.put("security.protocol", "SSL");
        props.putAll(keystore());
        props.putAll(truststore());
        return props;
    }

    private Map<String, String> keystore() {
        return Map.of(
            "ssl.keystore.location", tls.keystore().toAbsolutePath().toString(),
            "ssl.keystore.password", tls.password(),
            "ssl.key.password", tls.password(),
            "ssl.keystore.type", TlsMaterial.STORE_TYPE);
    }

    private Map<String, String> truststore() {
        return Map.of(
            "ssl.truststore.location", tls.truststore().toAbsolutePath().toString(),
            "ssl.truststore.password", tls.password(),
            "ssl.truststore.type", TlsMaterial.STORE_TYPE);
    }
}
