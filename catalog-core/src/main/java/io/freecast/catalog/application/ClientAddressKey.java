package io.freecast.catalog.application;

import java.util.Locale;

/**
 * The name a client address is throttled and audited under. An IPv6 client usually holds a whole /64 (one
 * host can pick any address in it), so IPv6 addresses count under their /64 prefix; everything else is
 * kept as given, cut to a bounded length and stripped of control characters, since it may come from a
 * proxy header.
 */
final class ClientAddressKey {

    static final int MAX_LENGTH = 64;

    private ClientAddressKey() {
    }

    static String of(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String printable = printable(address.strip());
        if (printable.indexOf(':') >= 0) {
            String prefix = ipv6Prefix64(printable);
            if (prefix != null) {
                return prefix;
            }
        }
        return printable;
    }

    /** Printable ASCII only, at most {@link #MAX_LENGTH} characters. */
    static String printable(String text) {
        StringBuilder kept = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && kept.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                kept.append(c);
            }
        }
        return kept.isEmpty() ? "unknown" : kept.toString();
    }

    /** {@code 2001:db8:1:2::/64} for any address in that network; null when the text is not an IPv6 literal. */
    private static String ipv6Prefix64(String text) {
        String literal = text;
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        String[] halves = literal.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        String[] head = groups(halves[0]);
        String[] tail = halves.length == 2 ? groups(halves[1]) : new String[0];
        if (head == null || tail == null) {
            return null;
        }
        int missing = 8 - head.length - tail.length;
        if (halves.length == 1 ? missing != 0 : missing < 1) {
            return null;
        }
        String[] all = new String[8];
        for (int i = 0; i < 8; i++) {
            if (i < head.length) {
                all[i] = head[i];
            } else if (i < head.length + missing) {
                all[i] = "0";
            } else {
                all[i] = tail[i - head.length - missing];
            }
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            prefix.append(Integer.toHexString(Integer.parseInt(all[i], 16))).append(':');
        }
        return prefix.append(":/64").toString().toLowerCase(Locale.ROOT);
    }

    /** Hex groups of one side of "::"; an embedded IPv4 tail counts as two groups. Null when malformed. */
    private static String[] groups(String side) {
        if (side.isEmpty()) {
            return new String[0];
        }
        String[] parts = side.split(":", -1);
        java.util.List<String> groups = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                groups.add("0");
                groups.add("0");
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            groups.add(part);
        }
        return groups.toArray(String[]::new);
    }
}
