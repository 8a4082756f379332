package io.freecast.catalog.http.client;

import java.io.IOException;

/**
 * A request was not sent because its target is a private, loopback or link-local address; the message
 * names the setting that allows such targets ({@link OutboundHttpSettings#ALLOW_PRIVATE_TARGETS}).
 */
public class BlockedTargetException extends IOException {

    public BlockedTargetException(String message) {
        super(message);
    }
}
