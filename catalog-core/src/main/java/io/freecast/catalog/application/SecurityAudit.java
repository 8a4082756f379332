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
    private final AuditBudget refusals;

    SecurityAudit(AuditTrail trail, Transactions transactions, Clock clock) {
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.refusals = new AuditBudget(clock, AuditBudget.DEFAULT_PER_SECOND);
    }

    /** One entry, in the caller's transaction when there is one. */
    void record(Actor actor, String entity, long entityId, String field, String before, String after) {
        trail.append(List.of(new AuditEntry(0, clock.instant(), actor, entity, entityId, field, before, after)));
    }

    void record(Caller caller, String entity, long entityId, String field, String before, String after) {
        record(caller.actor(), entity, entityId, field, before, after);
    }

    /**
     * A refused authentication, in a transaction of its own; at most {@value AuditBudget#DEFAULT_PER_SECOND} a
     * second are written one by one, the next written one counting those held back ({@link AuditBudget}).
     */
    void refusal(Actor actor, String entity, long entityId, String field, String outcome) {
        refusals.admit(outcome).ifPresent(admitted -> transactions.inInteractiveTransaction(() -> {
            record(actor, entity, entityId, field, null, admitted);
            return null;
        }));
    }
}
