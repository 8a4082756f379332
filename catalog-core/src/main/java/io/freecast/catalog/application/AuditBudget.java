package io.freecast.catalog.application;

import java.time.Clock;
import java.util.Optional;

/**
 * How many refused sign-ins and token checks are written to the audit trail one by one: at most
 * {@code perSecond} a second. A flood of wrong tokens from many addresses would otherwise turn every guess
 * into a database write (on SQLite, one writer at a time). What is held back is not lost: the next entry
 * written says how many refusals were left out before it.
 */
final class AuditBudget {

    static final int DEFAULT_PER_SECOND = 20;

    private final Clock clock;
    private final int perSecond;
    private long second = Long.MIN_VALUE;
    private int written;
    private long heldBack;

    AuditBudget(Clock clock, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        this.clock = clock;
        this.perSecond = perSecond;
    }

    /**
     * The outcome to write, with the count of refusals held back since the last one written; empty when this
     * one is held back.
     */
    synchronized Optional<String> admit(String outcome) {
        long now = clock.millis() / 1000;
        if (now != second) {
            second = now;
            written = 0;
        }
        if (written == perSecond) {
            heldBack++;
            return Optional.empty();
        }
        written++;
        if (heldBack == 0) {
            return Optional.of(outcome);
        }
        String withCount = outcome + " (" + heldBack + " more refused before this, not recorded one by one)";
        heldBack = 0;
        return Optional.of(withCount);
    }
}
