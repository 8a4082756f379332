package io.freecast.catalog.http.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Takes one secret (a ratings API key) out of every text a client produces: whatever a provider sends
 * back — the key echoed in an error body, in a redirect's URL, in a malformed answer that a parser quotes —
 * can end up in a message, and a message ends up in logs, reports and the run log.
 *
 * <p>An exception is redacted as a whole chain: a cause keeps its own message (and prints it in every
 * stack trace), so wrapping the original is not enough. {@link #redact(RuntimeException)} builds a new
 * chain of the same messages, redacted, with the original stack frames.
 */
final class SecretRedaction {

    static final String MASK = "***";

    /** The secret as it may appear: as given, and percent-encoded as a query string carries it. */
    private final Set<String> forms = new LinkedHashSet<>();

    SecretRedaction(String secret) {
        if (secret != null && !secret.isEmpty()) {
            forms.add(secret);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            forms.add(encoded);
            forms.add(encoded.replace("+", "%20"));
            forms.add(lowerCaseEscapes(encoded));
        }
    }

    /** {@code text} with every occurrence of the secret replaced by {@value #MASK}; {@code null} stays null. */
    String redact(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String form : forms) {
            redacted = redacted.replace(form, MASK);
        }
        return redacted;
    }

    /**
     * The same failure with the secret taken out of its message and every cause's: a provider's refusal
     * stays a {@link io.freecast.catalog.port.out.RatingProviderUnavailableException}, anything else
     * becomes a {@link RedactedException} naming the original type. Returns {@code failure} itself when no
     * message along the chain held the secret.
     */
    RuntimeException redact(RuntimeException failure) {
        if (!mentions(failure)) {
            return failure;
        }
        Throwable cause = failure.getCause() == null ? null : redactedCopy(failure.getCause());
        RuntimeException copy = failure instanceof io.freecast.catalog.port.out.RatingProviderUnavailableException
                ? new io.freecast.catalog.port.out.RatingProviderUnavailableException(redact(failure.getMessage()), cause)
                : new RedactedException(failure.getClass().getName(), redact(failure.getMessage()), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private boolean mentions(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redact(message))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (mentions(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of {@code t} and its causes, each message redacted; suppressed failures are not kept. */
    private Throwable redactedCopy(Throwable t) {
        Throwable cause = t.getCause() == null || t.getCause() == t ? null : redactedCopy(t.getCause());
        RedactedException copy = new RedactedException(t.getClass().getName(), redact(t.getMessage()), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    private static String lowerCaseEscapes(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                out.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A failure whose message had a secret in it, copied without it. It prints as the original type, so a
     * stack trace still says what happened.
     */
    static final class RedactedException extends RuntimeException {

        private final String originalType;

        RedactedException(String originalType, String message, Throwable cause) {
            super(message, cause);
            this.originalType = originalType;
        }

        /** The class name of the failure this is a copy of. */
        String originalType() {
            return originalType;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return originalType + " (redacted)" + (message == null ? "" : ": " + message);
        }
    }
}
