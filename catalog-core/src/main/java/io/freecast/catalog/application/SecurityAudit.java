package io.freecast.catalog.application;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.util.List;

/**
 * Writes the audit entries of accounts, tokens, sign-ins and token checks. Never a password, a token value
 * or a hash: a password change is the field {@code password} with no values, and a sign-in records its
 * outcome and client address only.
 */
final class SecurityAudit {

    static final String ACCOUNT = "account";
    static final String TOKEN = "token";
    static final String LOGIN = "login";

    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;

    SecurityAudit(AuditTrail trail, Transactions transactions, Clock clock) {
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One entry, in the caller's transaction when there is one. */
    void record(Actor actor, String entity, long entityId, String field, String before, String after) {
        trail.append(List.of(new AuditEntry(0, clock.instant(), actor, entity, entityId, field, before, after)));
    }

    void record(Caller caller, String entity, long entityId, String field, String before, String after) {
        record(caller.actor(), entity, entityId, field, before, after);
    }

    /** An authentication event on its own: written in a transaction of its own. */
    void event(Actor actor, String entity, long entityId, String field, String outcome) {
        transactions.inTransaction(() -> {
            record(actor, entity, entityId, field, null, outcome);
            return null;
        });
    }
}
