package io.freecast.catalog.domain;

/** An account's role; it grants the {@link Scope} of the same rank. */
public enum Role {
    /** May read everything the admin shows, change nothing. */
    VIEWER(Scope.READ),
    /** May edit the catalog. */
    EDITOR(Scope.EDIT),
    /** May also run tasks and manage accounts and tokens. */
    ADMIN(Scope.ADMIN);

    private final Scope scope;

    Role(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Role fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'; expected viewer, editor or admin");
    }
}
