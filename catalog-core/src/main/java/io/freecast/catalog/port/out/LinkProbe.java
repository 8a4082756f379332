package io.freecast.catalog.port.out;

/**
 * What one request to a stream URL found. The validate-sources use-case turns probes into source
 * state; the checker only reports.
 */
public sealed interface LinkProbe {

    /** A final 2xx (or 3xx that was not followed further): the link plays. */
    record Reachable(int status) implements LinkProbe {
    }

    /** 404 or 410: the link is gone for good. */
    record Gone(int status) implements LinkProbe {
    }

    /**
     * Anything else: may be passing, so it counts towards the failure threshold.
     *
     * @param status the HTTP status if one was received; {@code null} otherwise
     * @param detail one line for the source's {@code last_error}
     */
    record Failed(FailureKind kind, Integer status, String detail) implements LinkProbe {
    }

    enum FailureKind {
        TIMEOUT,
        CONNECTION,
        SERVER_ERROR,
        CLIENT_ERROR,
        REDIRECT_LOOP,
        TOO_MANY_REDIRECTS,
        /** The target is private, loopback or link-local and private targets are not allowed. */
        BLOCKED_TARGET,
        INVALID_URL
    }
}
