package io.cellfloor.schema.registry;

import java.io.IOException;
import javax.net.ssl.SSLException;

/**
 * A registry call that failed, with what was attempted, the URL, the HTTP status and the registry's own message.
 *
 * <p>{@link #statusCode()} is 0 when no HTTP response arrived (connection refused, timeout, interrupted).
 * {@link #errorCode()} is the registry's {@code error_code} (e.g. 40401 subject not found, 40403 schema not found),
 * or 0 when it gave none. Do not rely on {@code error_code} for an incompatible schema: Apicurio reports 0 there;
 * check {@link #isIncompatible()} (HTTP 409) instead.
 */
public class SchemaRegistryException extends RuntimeException {

    private final int statusCode;
    private final int errorCode;

    public SchemaRegistryException(final String message, final int statusCode, final int errorCode) {
        super(message);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(final String message, final Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
        this.errorCode = 0;
    }

    /** The HTTP status, or 0 when the registry never answered. */
    public int statusCode() {
        return statusCode;
    }

    /** The registry's {@code error_code}, or 0. */
    public int errorCode() {
        return errorCode;
    }

    /** The subject, schema or id does not exist (HTTP 404). */
    public boolean isNotFound() {
        return statusCode == 404;
    }

    /**
     * The registry could not answer now (no connection, a timeout, HTTP 5xx or 429): asking again later may succeed,
     * unlike a 404, which stays a 404. A TLS failure is not counted: it does not heal by waiting.
     */
    public boolean isUnavailable() {
        if (statusCode >= 500 || statusCode == 429) {
            return true;
        }
        return statusCode == 0 && getCause() instanceof IOException
            && !(getCause() instanceof SSLException);
    }

    /** Whether {@code e} or one of its causes is a registry that could not answer now. */
    public static boolean isUnavailable(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException r && r.isUnavailable()) {
                return true;
            }
        }
        return false;
    }

    /** The subject's compatibility rule rejected the schema (HTTP 409). */
    public boolean isIncompatible() {
        return statusCode == 409;
    }
}
