package io.freecast.catalog.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of account names. A name is 1–64 characters of ASCII letters, digits, {@code . _ @ -}, starting
 * with a letter or a digit: safe in a URL path, a log line, a shell and an audit label without escaping.
 * Names are unique ignoring case, so {@code Alice} and {@code alice} are one account.
 */
public final class AccountNames {

    public static final int MAX_LENGTH = 64;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    private AccountNames() {
    }

    /** What is wrong with {@code name}, in one line that does not repeat it; empty when it is a valid name. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("may contain only letters a-z and A-Z, digits and . _ @ -, starting with a letter "
                    + "or a digit");
        }
        return Optional.empty();
    }

    /** The form two names are compared in: a valid name's lowercase. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
