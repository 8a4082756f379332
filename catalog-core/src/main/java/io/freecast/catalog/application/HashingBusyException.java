package io.freecast.catalog.application;

/**
 * Every slot for a password derivation stayed taken for as long as a caller may wait (a flood of sign-ins):
 * the password was not checked. Sign-in answers it as "too many attempts, try again shortly".
 */
final class HashingBusyException extends RuntimeException {

    HashingBusyException() {
        super("too many passwords are being checked at once; try again in a moment", null, false, false);
    }
}
