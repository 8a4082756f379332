package io.freecast.catalog.port.in;

/** An edit named a show, season, episode, movie, source, account or token that does not exist (HTTP 404). */
public class ItemNotFoundException extends RuntimeException {

    public ItemNotFoundException(String what, long id) {
        super(what + " " + id + " does not exist");
    }

    public ItemNotFoundException(String message) {
        super(message);
    }
}
