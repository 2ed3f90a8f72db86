package io.cellfloor.streams.query;

import io.cellfloor.streams.topology.CellfloorTopology;
import io.cellfloor.streams.topology.ChannelViews;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The API's endpoints over one running streams app: each reads its parameters, lets the {@link Router} pick who
 * answers, and shapes the JSON. Channel queries go to the channel's owner; floor, list and cohort queries to all.
 */
final class ApiHandlers {
    private static final List<String> STAGES = List.of("STABLE", "RECOVERABLE", "IRRECOVERABLE", "HARD_SHORT",
            "UNKNOWN");

    private final QueryableApps apps;
    private final HostInfo self;
    private final LocalState local;
    private final Router router;
    private final FloorFeed feed;

    ApiHandlers(final QueryableApps apps, final HostInfo self, final LocalState local, final Router router,
                final FloorFeed feed) {
        this.apps = apps;
        this.self = self;
        this.local = local;
        this.router = router;
        this.feed = feed;
    }

    void health(final Context ctx) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", apps.detection().state().toString());
        out.put("viewsState", apps.views().state().toString());
        out.put("instance", self.host() + ":" + self.port());
        out.put("instances", router.instances().stream().map(h -> h.host() + ":" + h.port()).toList());
        ctx.json(out);
    }

    void floor(final Context ctx) {
        if (localScope(ctx)) {
            ctx.json(router.localPart(local::tiles));
            return;
        }
        final Router.Gathered all = router.gather(ctx.path(), "channelId", local::tiles);
        final List<Map<String, Object>> tiles = filtered(ctx, all.items());
        final Map<String, Integer> counts = new LinkedHashMap<>();
        STAGES.forEach(s -> counts.put(s, 0));
        tiles.forEach(t -> counts.merge((String) t.get("stage"), 1, Integer::sum));
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("channels", tiles);
        out.put("counts", counts);
        out.put("stale", all.stale());
        ctx.json(out);
    }

    void channels(final Context ctx) {
        final Paging paging = paging(ctx);
        if (localScope(ctx)) {
            ctx.json(router.localPart(local::tiles));
            return;
        }
        final Router.Gathered all = router.gather(ctx.path(), "channelId", local::tiles);
        ctx.json(paging.of(filtered(ctx, all.items()), all.stale()));
    }

    void channel(final Context ctx) {
        final String id = ctx.pathParam("channelId");
        reply(ctx, router.byKey(CellfloorTopology.CHANNEL_STATUS_STORE, id, pathAndQuery(ctx), forwarded(ctx),
                (partition, stale) -> {
                    final Map<String, Object> found = local.channel(id, partition, stale);
                    if (found == null) {
                        throw unknown(id);
                    }
                    return found;
                }));
    }

    void cycles(final Context ctx) {
        final String id = ctx.pathParam("channelId");
        final Paging paging = paging(ctx);
        history(ctx, id, router.byKey(ChannelViews.RECENT_CYCLES_STORE, id, pathAndQuery(ctx), forwarded(ctx),
                (partition, stale) -> local.cycles(id, partition, stale, paging)));
    }

    void events(final Context ctx) {
        final String id = ctx.pathParam("channelId");
        final Paging paging = paging(ctx);
        history(ctx, id, router.byKey(ChannelViews.RECENT_EVENTS_STORE, id, pathAndQuery(ctx), forwarded(ctx),
                (partition, stale) -> local.events(id, partition, stale, paging)));
    }

    void trace(final Context ctx) {
        final String id = ctx.pathParam("channelId");
        reply(ctx, router.byKey(CellfloorTopology.TRACE_STORE, id, pathAndQuery(ctx), forwarded(ctx),
                (partition, stale) -> local.trace(id, partition, stale)));
    }

    void cohorts(final Context ctx) {
        if (localScope(ctx)) {
            ctx.json(router.localPart(local::cohorts));
            return;
        }
        final Router.Gathered all = router.gather(ctx.path(), "cohort", local::cohorts);
        final List<Map<String, Object>> rows = new ArrayList<>(all.items());
        rows.sort(Comparator.comparing(r -> (String) r.get("cohort")));
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", rows);
        out.put("stale", all.stale());
        ctx.json(out);
    }

    void eventRates(final Context ctx) {
        final String station = ctx.pathParam("stationId");
        final String window = ctx.queryParam("window") == null ? "hourly" : ctx.queryParam("window");
        if (!window.equals("hourly") && !window.equals("daily")) {
            throw ApiException.badRequest("window must be 'hourly' or 'daily', got '" + window + "'");
        }
        final String store = window.equals("hourly") ? LocalState.HOURLY_STORE : LocalState.DAILY_STORE;
        final long size = window.equals("hourly") ? 3_600_000L : 86_400_000L;
        final long from = epochMs(ctx, "from", 0);
        final long to = epochMs(ctx, "to", Long.MAX_VALUE);
        if (from > to) {
            throw ApiException.badRequest("from must not be after to, got from=" + from + " to=" + to);
        }
        reply(ctx, router.byKey(store, station, pathAndQuery(ctx), forwarded(ctx),
                (partition, stale) -> local.eventRates(station, store, size, from, to, partition, stale)));
    }

    void stream(final SseClient client) {
        client.keepAlive();
        client.sendComment("cellfloor floor stream: one 'status' event per channel-status change");
        feed.add(client);
    }

    /**
     * A history of a channel nobody has heard of is a 404, not an empty list: the instance that read the empty
     * history asks the channel's owner (a forwarded answer was already checked there).
     */
    private void history(final Context ctx, final String id, final Router.Reply reply) {
        if (reply.status() == 200 && reply.body() instanceof Map<?, ?> page
                && Long.valueOf(0).equals(page.get("total"))) {
            final Router.Reply channel = router.byKey(CellfloorTopology.CHANNEL_STATUS_STORE, id,
                    "/api/channels/" + encode(id), false, (partition, stale) -> {
                        final Map<String, Object> found = local.channel(id, partition, stale);
                        if (found == null) {
                            throw unknown(id);
                        }
                        return found;
                    });
            if (channel.status() == 404) {
                reply(ctx, channel);
                return;
            }
        }
        reply(ctx, reply);
    }

    private static void reply(final Context ctx, final Router.Reply reply) {
        ctx.status(reply.status());
        if (reply.body() instanceof String raw) {
            ctx.contentType("application/json").result(raw);
        } else {
            ctx.json(reply.body());
        }
    }

    private static List<Map<String, Object>> filtered(final Context ctx, final List<Map<String, Object>> tiles) {
        final String station = ctx.queryParam("station");
        final String stage = ctx.queryParam("stage");
        if (stage != null && !stage.isEmpty() && !STAGES.contains(stage.toUpperCase(java.util.Locale.ROOT))) {
            throw ApiException.badRequest("stage must be one of " + STAGES + ", got '" + stage + "'");
        }
        final String sse = ctx.queryParam("sse");
        final String collector = ctx.queryParam("collector");
        final List<Map<String, Object>> out = new ArrayList<>();
        for (final Map<String, Object> t : tiles) {
            if (Tiles.matches(t, station, stage, sse, collector)) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparing(t -> (String) t.get("channelId")));
        return out;
    }

    private static long epochMs(final Context ctx, final String name, final long fallback) {
        final String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be epoch milliseconds, got '" + v + "'");
        }
    }

    private static Paging paging(final Context ctx) {
        return Paging.parse(ctx.queryParam("page"), ctx.queryParam("size"));
    }

    private static ApiException unknown(final String id) {
        return ApiException.notFound("no channel '" + id + "' on this floor (no status and no cell test); "
                + "GET /api/floor lists the channels");
    }

    private static boolean forwarded(final Context ctx) {
        return ctx.header(Peers.FORWARDED_BY) != null;
    }

    private static boolean localScope(final Context ctx) {
        return Peers.LOCAL.equals(ctx.header(Peers.SCOPE));
    }

    private static String pathAndQuery(final Context ctx) {
        final String q = ctx.queryString();
        return ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    private static String encode(final String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
