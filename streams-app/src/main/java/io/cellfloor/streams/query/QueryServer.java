package io.cellfloor.streams.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API and the dashboard, on Javalin, inside the streams app. It starts before the streams client, because
 * the client must be told this server's address ({@code application.server} = {@link #advertised()}); until
 * {@link #attach} hands it the running client, the API answers 503. Serves the dashboard from classpath
 * {@code /dashboard/} at {@code /}, uPlot from its webjar at {@code /vendor/uplot/}, and {@code /openapi.json}.
 */
public final class QueryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/%s/dist";

    private final QuerySettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<ApiHandlers> handlers = new AtomicReference<>();
    private final Javalin app;
    private volatile FloorFeed feed;
    private boolean closed;

    private QueryServer(final QuerySettings settings) {
        this.settings = settings;
        final Auth auth = new Auth(settings.token(), settings.https() != null);
        this.app = Javalin.create(config -> configure(config, auth));
    }

    /** Binds the port (0: any free one) and serves; the API answers 503 until {@link #attach}. */
    public static QueryServer start(final QuerySettings settings) {
        final QueryServer server = new QueryServer(settings);
        server.app.start(settings.bindHost(), settings.port());
        LOG.info("query API on {}://{}:{} (advertised {}), auth {}", settings.scheme(), settings.bindHost(),
                server.port(), server.advertised(), settings.authRequired() ? "on" : "off");
        return server;
    }

    /**
     * Starts answering from {@code apps}, with the live feed read through a consumer with {@code kafka} settings
     * (bootstrap servers and any security settings).
     */
    public void attach(final QueryableApps apps, final QueryCodecs codecs, final Map<String, Object> kafka) {
        final HostInfo self = new HostInfo(settings.advertisedHost(), port());
        final String me = self.host() + ":" + self.port();
        feed = new FloorFeed(kafka, codecs, json).start();
        handlers.set(new ApiHandlers(apps, self, new LocalState(apps, codecs, me),
                new Router(apps, self, new Peers(me, settings.token(), settings.https()), json), feed));
    }

    public int port() {
        return app.port();
    }

    /** {@code host:port} for {@code application.server}. */
    public String advertised() {
        return settings.advertisedHost() + ":" + port();
    }

    /** The app's Kafka Streams properties advertising this server, where the other instances forward queries. */
    public Properties streamsProperties(final StreamsAppConfig config) {
        final Properties props = config.streamsProperties();
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised());
        return props;
    }

    private void configure(final JavalinConfig config, final Auth auth) {
        config.jsonMapper(new JavalinJackson(json, false));
        config.startup.showJavalinBanner = false;
        if (settings.https() != null) {
            config.jetty.addConnector((server, http) -> HttpsConnector.create(server, http, settings.https(),
                    settings.bindHost(), settings.port()));
        }
        if (QueryServer.class.getResource("/dashboard") != null) {
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/dashboard";
                sf.location = Location.CLASSPATH;
            });
        }
        final String uplot = String.format(UPLOT, uplotVersion());
        config.routes.before(auth::check);
        config.routes.post(Auth.SESSION, auth::startSession);
        config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json")
                .result(QueryServer.class.getResourceAsStream("/openapi.json")));
        config.routes.get("/vendor/uplot/{file}", ctx -> vendor(ctx, uplot));
        API.forEach((path, endpoint) -> config.routes.get(path, ctx -> endpoint.handle(ready(), ctx)));
        final SseHandler stream = new SseHandler(client -> ready().stream(client));
        config.routes.get(STREAM, ctx -> {
            admitStreamClient(ctx);
            stream.handle(ctx);
        });
        config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
        // exception text can name hosts, files and classes: it goes to the log under an id, the client gets the id
        config.routes.exception(InvalidStateStoreException.class, (e, ctx) -> {
            LOG.debug("{} {}: state not queryable", ctx.method(), ctx.path(), e);
            error(ctx, 503, "unavailable", "the state is not queryable right now; retry in a few seconds");
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            final String id = UUID.randomUUID().toString();
            LOG.error("{} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
            ctx.status(500).json(Map.of("error", "internal", "id", id,
                    "message", "the request failed inside the app; the app's log has the cause under error id " + id));
        });
        config.routes.error(404, ctx -> {
            final String type = ctx.res().getContentType();
            if (ctx.path().startsWith("/api/") && (type == null || !type.startsWith("application/json"))) {
                error(ctx, 404, "not_found", "no endpoint " + ctx.method() + " " + ctx.path()
                        + "; /openapi.json lists the endpoints");
            }
        });
    }

    private interface Endpoint {
        void handle(ApiHandlers handlers, Context ctx);
    }

    private static final String STREAM = "/api/stream";
    private static final Map<String, Endpoint> API = new LinkedHashMap<>();

    static {
        API.put("/api/health", ApiHandlers::health);
        API.put("/api/floor", ApiHandlers::floor);
        API.put("/api/channels", ApiHandlers::channels);
        API.put("/api/channels/{channelId}", ApiHandlers::channel);
        API.put("/api/channels/{channelId}/cycles", ApiHandlers::cycles);
        API.put("/api/channels/{channelId}/events", ApiHandlers::events);
        API.put("/api/channels/{channelId}/trace", ApiHandlers::trace);
        API.put("/api/cohorts", ApiHandlers::cohorts);
        API.put("/api/stations/{stationId}/event-rates", ApiHandlers::eventRates);
    }

    /** Every path this server registers (GET), for the check that {@code /openapi.json} documents them all. */
    static List<String> routes() {
        final List<String> out = new ArrayList<>(List.of("/openapi.json", "/vendor/uplot/{file}", STREAM));
        out.addAll(API.keySet());
        return out;
    }

    /** Refuses a live-feed client beyond the limit before the response turns into an event stream. */
    private void admitStreamClient(final Context ctx) {
        final FloorFeed f = feed;
        if (f != null && f.clients() >= settings.maxStreamClients()) {
            throw ApiException.unavailable("this instance already serves " + settings.maxStreamClients()
                    + " live-feed clients (cellfloor.http-max-stream-clients); close a page or retry later");
        }
    }

    private ApiHandlers ready() {
        final ApiHandlers h = handlers.get();
        if (h == null) {
            throw ApiException.unavailable("the streams app is starting; retry in a few seconds");
        }
        return h;
    }

    private static void error(final Context ctx, final int status, final String code, final String message) {
        ctx.status(status).json(Map.of("error", code, "message", message));
    }

    /** A file of the uPlot webjar's dist folder (the jar has no folder entry, so Javalin's static files cannot). */
    private static void vendor(final Context ctx, final String dir) {
        final String file = ctx.pathParam("file");
        final InputStream in = file.matches("[A-Za-z0-9._-]+") && !file.contains("..")
                ? QueryServer.class.getResourceAsStream(dir + "/" + file) : null;
        if (in == null) {
            ctx.status(404).result("no such file");
            return;
        }
        ctx.contentType(file.endsWith(".css") ? "text/css" : "text/javascript")
                .header("Cache-Control", "max-age=86400").result(in);
    }

    /** The uPlot version of the webjar on the classpath, so the path follows the dependency. */
    private static String uplotVersion() {
        try (InputStream in = QueryServer.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar (org.webjars.npm:uplot) is not on the classpath");
            }
            final Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("the uPlot webjar could not be read", e);
        }
    }

    /** Stops the live feed and the HTTP server; closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (feed != null) {
                feed.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            app.stop();
        }
    }
}
