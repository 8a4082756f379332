package io.freecast.catalog.http.client;

import java.io.IOException;

/** A request was not sent because its target is a private, loopback or link-local address. */
public class BlockedTargetException extends IOException {

    public BlockedTargetException(String message) {
        super(message);
    }
}
