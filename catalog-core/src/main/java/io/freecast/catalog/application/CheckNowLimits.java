package io.freecast.catalog.application;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.port.in.TooManyChecksException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How much "check now" one caller may ask for: one check of a source at a time, and at most
 * {@value #PER_MINUTE} checks a minute per actor (an account, a token), counted as a bucket of that many that
 * fills again evenly. A person clicking through dead links never meets either; a script asking for thousands
 * would otherwise make the server send them as fast as it asks — to hosts of its choosing, within the SSRF guard.
 */
final class CheckNowLimits {

    static final int PER_MINUTE = 30;
    /** What a refusal for a source under way suggests: a check takes its link's answer or the checker's timeout. */
    static final Duration SOURCE_BUSY_RETRY = Duration.ofSeconds(2);
    private static final Duration REFILL_ONE = Duration.ofMinutes(1).dividedBy(PER_MINUTE);
    /** Buckets kept for this many actors at most; full ones are forgotten first (they mean nothing). */
    private static final int ACTORS_KEPT = 10_000;

    private final Clock clock;
    private final Set<Long> underWay = new HashSet<>();
    private final Map<Actor, Bucket> buckets = new HashMap<>();

    CheckNowLimits(Clock clock) {
        this.clock = clock;
    }

    /** A check of {@code sourceId} for {@code actor} may start; {@link #end} must follow it. */
    synchronized void begin(Actor actor, long sourceId) {
        if (underWay.contains(sourceId)) {
            throw new TooManyChecksException("source " + sourceId + " is being checked already; try again when that"
                    + " check has finished", SOURCE_BUSY_RETRY);
        }
        Instant now = clock.instant();
        Actor key = key(actor);
        Bucket bucket = buckets.computeIfAbsent(key, a -> new Bucket(PER_MINUTE, now)).refilled(now);
        if (bucket.checks() < 1) {
            Duration wait = REFILL_ONE.minus(Duration.between(bucket.at(), now));
            long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
            throw new TooManyChecksException("more than " + PER_MINUTE + " links checked by hand in a minute; try"
                    + " again in " + seconds + " s (validate-sources checks many at once)",
                    wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
        if (buckets.size() > ACTORS_KEPT) {
            buckets.entrySet().removeIf(e -> e.getValue().refilled(now).checks() >= PER_MINUTE);
        }
        buckets.put(key, new Bucket(bucket.checks() - 1, bucket.at()));
        underWay.add(sourceId);
    }

    synchronized void end(long sourceId) {
        underWay.remove(sourceId);
    }

    /** Who a bucket belongs to: the account or token, whichever channel it comes through. */
    private static Actor key(Actor actor) {
        return new Actor(actor.kind(), actor.id(), actor.name(), Channel.API);
    }

    /** Checks left, as of {@code at} (whole refills only, so the time of the next one stays exact). */
    private record Bucket(int checks, Instant at) {

        Bucket refilled(Instant now) {
            if (checks >= PER_MINUTE) {
                return new Bucket(PER_MINUTE, now);
            }
            long refills = Duration.between(at, now).dividedBy(REFILL_ONE);
            if (refills <= 0) {
                return this;
            }
            long checksNow = Math.min(PER_MINUTE, checks + refills);
            return new Bucket((int) checksNow, checksNow >= PER_MINUTE ? now : at.plus(REFILL_ONE.multipliedBy(refills)));
        }
    }
}
