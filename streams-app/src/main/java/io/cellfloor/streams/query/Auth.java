package io.cellfloor.streams.query;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The optional bearer token: with one set, every path but the open ones needs {@code Authorization: Bearer <token>}
 * or the cookie {@code cellfloor_token}. API calls without it get a 401 JSON error, pages a redirect to the login
 * page, which returns to the page asked for. Tokens are compared in constant time and never logged or echoed.
 *
 * <p>The login page does not write the cookie itself: it sends the token once to {@value #SESSION}, and the server
 * sets the cookie {@code HttpOnly} (no script of the page, injected or not, can read it back), {@code SameSite=Strict}
 * and, over HTTPS, {@code Secure}.
 */
final class Auth {
    static final String COOKIE = "cellfloor_token";
    private static final String LOGIN = "/login.html";

    static final String SESSION = "/api/session";

    private final byte[] token;
    private final boolean https;

    Auth(final String token, final boolean https) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.https = https;
    }

    /** {@code POST} {@value #SESSION}, after {@link #check} accepted the token: hands it back as the cookie. */
    void startSession(final Context ctx) {
        final String presented = presented(ctx);
        if (token != null && presented != null) {
            ctx.header("Set-Cookie", COOKIE + "=" + presented + "; Path=/; HttpOnly; SameSite=Strict"
                    + (https ? "; Secure" : ""));
        }
        ctx.status(204);
    }

    void check(final Context ctx) {
        if (token == null || open(ctx.path()) || matches(presented(ctx))) {
            return;
        }
        if (ctx.path().startsWith("/api/")) {
            throw new ApiException(401, "unauthorized", "this API needs a token: send 'Authorization: Bearer <token>' "
                    + "or the cookie " + COOKIE + " (the token is the app's api.token / CELLFLOOR_API_TOKEN)");
        }
        ctx.redirect(LOGIN + "?next=" + URLEncoder.encode(ctx.queryString() == null ? ctx.path()
                : ctx.path() + "?" + ctx.queryString(), StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
    }

    static boolean open(final String path) {
        return path.equals(LOGIN) || path.startsWith("/assets/") || path.startsWith("/vendor/")
                || path.equals("/openapi.json") || path.equals("/api/health");
    }

    private static String presented(final Context ctx) {
        final String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return ctx.cookie(COOKIE);
    }

    private boolean matches(final String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
