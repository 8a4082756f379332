package io.freecast.catalog.domain;

/**
 * What a caller may do. Scopes are ordered: each includes everything below it.
 * <ul>
 *   <li>{@link #READ}: read the catalog, including the admin side (task runs, audit is admin-only);</li>
 *   <li>{@link #EDIT}: also create, change and delete shows, movies, seasons, episodes and sources;</li>
 *   <li>{@link #ADMIN}: also run tasks, read the audit trail and manage accounts and tokens.</li>
 * </ul>
 */
public enum Scope {
    READ,
    EDIT,
    ADMIN;

    /** {@code true} when a caller holding this scope may do what {@code needed} allows. */
    public boolean includes(Scope needed) {
        return compareTo(needed) >= 0;
    }

    /** The lowercase name used in JSON, on the command line and in the database. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Scope fromWireName(String name) {
        for (Scope scope : values()) {
            if (scope.wireName().equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + name + "'; expected read, edit or admin");
    }
}
