package io.freecast.catalog.http.admin;

/** Something in the request itself is malformed (a bad id, a bad percent escape): a 400 page saying what. */
final class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message, null, false, false);
    }
}
