package io.freecast.catalog.http.client;

import java.io.IOException;

/** Redirects that were not followed to the end: a loop, or more hops than allowed. */
public class RedirectException extends IOException {

    /** Why the redirects were abandoned. */
    public enum Kind { LOOP, TOO_MANY, MISSING_LOCATION }

    private final Kind kind;
    private final int lastStatus;

    public RedirectException(Kind kind, int lastStatus, String message) {
        super(message);
        this.kind = kind;
        this.lastStatus = lastStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The status of the last redirect response seen. */
    public int lastStatus() {
        return lastStatus;
    }
}
