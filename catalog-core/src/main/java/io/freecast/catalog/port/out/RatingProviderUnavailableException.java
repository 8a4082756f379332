package io.freecast.catalog.port.out;

/** A rating provider could not be asked at all; the message says why in one line. */
public class RatingProviderUnavailableException extends RuntimeException {

    public RatingProviderUnavailableException(String message) {
        super(message);
    }

    public RatingProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
