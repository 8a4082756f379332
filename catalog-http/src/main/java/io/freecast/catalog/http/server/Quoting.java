package io.freecast.catalog.http.server;

/** Echoes client input in error details: quoted, and cut short so a huge input is not reflected back. */
final class Quoting {

    static final int MAX_ECHO = 60;

    private Quoting() {
    }

    static String quote(String input) {
        if (input == null) {
            return "nothing";
        }
        String shown = input.length() > MAX_ECHO ? input.substring(0, MAX_ECHO) + "…" : input;
        return "'" + shown + "'";
    }
}
