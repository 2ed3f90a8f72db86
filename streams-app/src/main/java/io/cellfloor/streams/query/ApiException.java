package io.cellfloor.streams.query;

/**
 * An answer other than 200, carried to the one exception handler that writes it as
 * {@code {"error": code, "message": message}}; the message says what happened and what to do.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(final int status, final String code, final String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException badRequest(final String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException notFound(final String message) {
        return new ApiException(404, "not_found", message);
    }

    static ApiException unavailable(final String message) {
        return new ApiException(503, "unavailable", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
