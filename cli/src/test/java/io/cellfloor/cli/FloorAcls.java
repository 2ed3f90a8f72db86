package io.cellfloor.cli;

import io.cellfloor.schema.Topics;
import io.cellfloor.sinks.alert.AlertSinkSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least-privilege ACLs of a cellfloor floor, one principal per component, as the README's security section
 * lists them with {@code kafka-acls}: the agent only writes samples and cell tests; the streams apps (detection and
 * {@code -views}, one application-id prefix) read their inputs, write their outputs and own their internal topics,
 * groups and transactional ids; the alert sink and the archive read their topics with their own groups.
 */
final class FloorAcls {
    /** What the streams apps write and, for the views and the floor aggregation, read back. */
    static final List<String> STREAMS_OUTPUTS = List.of(Topics.CYCLES, Topics.BREAKDOWN_EVENTS, Topics.STAGE_CHANGES,
            Topics.CHANNEL_STATUS, Topics.COHORTS, Topics.ALERTS, Topics.DEAD_LETTER);
    static final List<String> ARCHIVED = List.of(Topics.SAMPLES, Topics.CYCLES, Topics.BREAKDOWN_EVENTS,
            Topics.STAGE_CHANGES);

    private FloorAcls() {
    }

    static List<AclBinding> agent(final String user) {
        final List<AclBinding> acls = new ArrayList<>();
        for (final String topic : List.of(Topics.SAMPLES, Topics.CELL_TESTS)) {
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        return acls;
    }

    static List<AclBinding> streams(final String user, final String applicationId) {
        final List<AclBinding> acls = new ArrayList<>();
        for (final String topic : List.of(Topics.SAMPLES, Topics.CELL_TESTS)) {
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        for (final String topic : STREAMS_OUTPUTS) {
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        // changelog and repartition topics, consumer groups and transactional ids all start with the application id
        acls.add(allow(user, ResourceType.TOPIC, applicationId, PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(user, ResourceType.GROUP, applicationId, PatternType.PREFIXED, AclOperation.READ));
        acls.add(allow(user, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.WRITE));
        acls.add(allow(user, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED,
                AclOperation.DESCRIBE));
        return acls;
    }

    static List<AclBinding> alertSink(final String user, final String group) {
        return List.of(
                allow(user, ResourceType.TOPIC, Topics.ALERTS, PatternType.LITERAL, AclOperation.READ),
                allow(user, ResourceType.TOPIC, Topics.ALERTS, PatternType.LITERAL, AclOperation.DESCRIBE),
                allow(user, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ),
                allow(user, ResourceType.TOPIC, AlertSinkSettings.UNDELIVERABLE_TOPIC, PatternType.LITERAL,
                        AclOperation.WRITE));
    }

    static List<AclBinding> archive(final String user, final String group) {
        final List<AclBinding> acls = new ArrayList<>();
        for (final String topic : ARCHIVED) {
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        acls.add(allow(user, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ));
        return acls;
    }

    private static AclBinding allow(final String user, final ResourceType type, final String name,
                                    final PatternType pattern, final AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
