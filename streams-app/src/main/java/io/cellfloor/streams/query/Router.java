package io.cellfloor.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who answers. A key query goes to the instance whose active task holds the key (asked over HTTP when that
 * is another instance); a floor-wide query asks every instance for its own part and merges. When the owner cannot
 * be reached, or partitions are moving, this instance answers from whatever copy it has (a standby replica, a
 * restoring store) marked {@code "stale": true}; with no copy at all the answer is a 503.
 */
final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final Serializer<String> KEYS = Serdes.String().serializer();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final QueryableApps apps;
    private final HostInfo self;
    private final Peers peers;
    private final ObjectMapper json;

    Router(final QueryableApps apps, final HostInfo self, final Peers peers, final ObjectMapper json) {
        this.apps = apps;
        this.self = self;
        this.peers = peers;
        this.json = json;
    }

    /** Answers this instance can give for a key, from one partition (null: any local one). */
    interface KeyAnswer {
        Object answer(Integer partition, boolean stale);
    }

    /** Answers this instance can give for the whole floor: its own items. */
    interface LocalItems {
        List<Map<String, Object>> items(boolean stale);
    }

    /** A status and either a value to write as JSON or a body another instance already wrote. */
    record Reply(int status, Object body) {
    }

    /** Items from every instance, keyed by {@code idField}; stale when any part came from a stale copy. */
    record Gathered(List<Map<String, Object>> items, boolean stale) {
    }

    Reply byKey(final String store, final String key, final String pathAndQuery, final boolean forwarded,
                final KeyAnswer local) {
        requireQueryable();
        final KeyQueryMetadata owner = apps.owner(store).queryMetadataForKey(store, key, KEYS);
        if (owner != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            if (self.equals(owner.activeHost())) {
                try {
                    return new Reply(200, local.answer(owner.partition(), false));
                } catch (InvalidStateStoreException e) {
                    return stale(local, owner.partition(), null);
                }
            }
            if (!forwarded) {
                final Optional<HttpResponse<String>> r = peers.get(owner.activeHost(), pathAndQuery, false);
                if (r.isPresent() && r.get().statusCode() < 500) {
                    return new Reply(r.get().statusCode(), r.get().body());
                }
                return stale(local, owner.partition(), r.map(HttpResponse::body).orElse(null));
            }
            return stale(local, owner.partition(), null);
        }
        return stale(local, null, null);
    }

    private Reply stale(final KeyAnswer local, final Integer partition, final String ownerBody) {
        try {
            return new Reply(200, local.answer(partition, true));
        } catch (InvalidStateStoreException e) {
            if (ownerBody != null) {
                return new Reply(503, ownerBody);
            }
            LOG.debug("no local copy of a key whose owner is unreachable", e);
            throw ApiException.unavailable("the instance that holds this key cannot be reached and this instance has "
                    + "no copy of it; retry in a few seconds, while partitions move");
        }
    }

    /** Every instance's items (each asked for its own active part), merged by {@code idField}. */
    Gathered gather(final String pathAndQuery, final String idField, final LocalItems local) {
        requireQueryable();
        final List<CompletableFuture<Optional<HttpResponse<String>>>> asked = new ArrayList<>();
        for (final HostInfo peer : instances()) {
            if (!peer.equals(self)) {
                asked.add(peers.getAsync(peer, pathAndQuery, true));
            }
        }
        final Map<Object, Map<String, Object>> merged = new LinkedHashMap<>();
        boolean stale = false;
        try {
            local.items(false).forEach(item -> merged.put(item.get(idField), item));
        } catch (InvalidStateStoreException e) {
            stale = true;
        }
        for (final CompletableFuture<Optional<HttpResponse<String>>> f : asked) {
            final Optional<HttpResponse<String>> r = f.join();
            if (r.isEmpty() || r.get().statusCode() != 200) {
                stale = true;
                continue;
            }
            final Map<String, Object> part = parse(r.get().body());
            if (Boolean.TRUE.equals(part.get("stale"))) {
                stale = true;
            }
            @SuppressWarnings("unchecked")
            final List<Map<String, Object>> items = (List<Map<String, Object>>) part.get("items");
            items.forEach(item -> merged.putIfAbsent(item.get(idField), item));
        }
        if (stale) {
            try {
                local.items(true).forEach(item -> merged.putIfAbsent(item.get(idField), item));
            } catch (InvalidStateStoreException e) {
                if (merged.isEmpty()) {
                    LOG.debug("no instance could answer for the floor", e);
                    throw ApiException.unavailable("no instance could answer for the floor; retry in a few seconds, "
                            + "while the app starts or partitions move");
                }
            }
        }
        return new Gathered(new ArrayList<>(merged.values()), stale);
    }

    /** The local part of a floor-wide query, as another instance asked for it. */
    Map<String, Object> localPart(final LocalItems local) {
        boolean stale = false;
        List<Map<String, Object>> items;
        try {
            items = local.items(false);
        } catch (InvalidStateStoreException e) {
            items = local.items(true);
            stale = true;
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("stale", stale);
        return out;
    }

    private void requireQueryable() {
        for (final KafkaStreams app : List.of(apps.detection(), apps.views())) {
            if (!queryable(app.state())) {
                throw ApiException.unavailable("a streams app on this instance is " + app.state()
                        + "; ask another instance, or retry once it is RUNNING");
            }
        }
    }

    private static boolean queryable(final KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /** Every instance of the app (this one included), as {@code host:port}. */
    List<HostInfo> instances() {
        final List<HostInfo> out = new ArrayList<>();
        out.add(self);
        if (!queryable(apps.detection().state())) {
            return out;
        }
        for (final StreamsMetadata m : apps.detection().metadataForAllStreamsClients()) {
            if (!out.contains(m.hostInfo())) {
                out.add(m.hostInfo());
            }
        }
        return out;
    }

    private Map<String, Object> parse(final String body) {
        try {
            return json.readValue(body, MAP);
        } catch (java.io.IOException e) {
            return Map.of("items", List.of(), "stale", true);
        }
    }
}
