package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * Who made a change, as the audit trail records it.
 *
 * @param kind    an account, an API token, the bootstrap admin token, an operator at the server's command
 *                line, someone not authenticated (a failed sign-in), or the system itself (an import)
 * @param id      the account's or token's id; 0 for the bootstrap token, an operator and the system
 * @param name    for an account its name; for a token "account/label"; for an operator the operating-system
 *                user; for someone not authenticated their client address; "bootstrap" or a task name
 *                otherwise
 * @param channel through what the change came
 */
public record Actor(Kind kind, long id, String name, Channel channel) {

    public enum Kind { ACCOUNT, TOKEN, BOOTSTRAP_TOKEN, OPERATOR, ANONYMOUS, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
    }

    public static Actor account(long accountId, String accountName, Channel channel) {
        return new Actor(Kind.ACCOUNT, accountId, accountName, channel);
    }

    public static Actor token(long tokenId, String accountName, String tokenLabel, Channel channel) {
        return new Actor(Kind.TOKEN, tokenId, accountName + "/" + tokenLabel, channel);
    }

    /** The operator-supplied admin token that bootstraps a fresh installation. */
    public static Actor bootstrapToken(Channel channel) {
        return new Actor(Kind.BOOTSTRAP_TOKEN, 0, "bootstrap", channel);
    }

    /**
     * Someone at the server's command line ({@code catalog users add …}): whoever can run the launcher
     * against the database already holds everything in it, so the launcher acts for them with the admin
     * scope and records them under their operating-system user name.
     */
    public static Actor operator(String osUser) {
        return new Actor(Kind.OPERATOR, 0, osUser, Channel.CLI);
    }

    /**
     * Someone who has not (yet) authenticated: a failed sign-in or token check, as the audit trail records
     * it. Named by the client address, because a name they typed proves nothing (and may be a password).
     */
    public static Actor anonymous(String clientAddress, Channel channel) {
        return new Actor(Kind.ANONYMOUS, 0, clientAddress == null ? "unknown" : clientAddress, channel);
    }

    /** How the audit trail and the admin show it, e.g. {@code account:alice} or {@code token:alice/deploy}. */
    public String label() {
        return switch (kind) {
            case ACCOUNT -> "account:" + name;
            case TOKEN -> "token:" + name;
            case BOOTSTRAP_TOKEN -> "token:bootstrap";
            case OPERATOR -> "operator:" + name;
            case ANONYMOUS -> "anonymous:" + name;
            case SYSTEM -> "system:" + name;
        };
    }
}
