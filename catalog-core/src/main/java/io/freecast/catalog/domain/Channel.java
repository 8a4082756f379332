package io.freecast.catalog.domain;

/** Through what a change came: recorded with every audit entry. */
public enum Channel {
    /** The web admin, signed in with an account. */
    WEB,
    /** The JSON API, with a bearer token. */
    API,
    /** A command on the server's machine. */
    CLI;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
