package io.freecast.catalog.port.out;

/**
 * The feed as a whole could not be read: not reachable, not JSON, not an array, cut off mid-stream,
 * too large. The message is one line saying which and where; an import that sees this changes nothing.
 */
public class FeedUnreadableException extends RuntimeException {

    public FeedUnreadableException(String message) {
        super(message);
    }

    public FeedUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
