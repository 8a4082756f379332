package io.freecast.catalog.port.in;

/**
 * Credentials were not accepted (HTTP 401). The message is the same whatever the reason, so that nobody
 * learns whether an account exists, is disabled, or had its token revoked; the audit trail keeps the reason.
 */
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException() {
        this("invalid credentials");
    }

    protected AuthenticationFailedException(String message) {
        super(message, null, false, false);
    }
}
