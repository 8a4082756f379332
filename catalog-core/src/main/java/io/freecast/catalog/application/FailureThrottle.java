package io.freecast.catalog.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slows down guessing: counts failed attempts per key (an account name, a client address) and makes the
 * next attempt under a key wait once it has failed too often.
 *
 * <ul>
 *   <li>The first {@code freeFailures} failures cost nothing. After that, the next attempt must wait
 *       {@code firstDelay}, doubling with each further failure, up to {@code maxDelay}, counted from the
 *       latest failure.</li>
 *   <li>Failures fade: each {@code decayEvery} without a failure forgets one, so a person who mistyped
 *       is soon back to normal while a steady guesser stays slowed down.</li>
 *   <li>{@link #attempt} counts an attempt as a failure when it lets it through, before the credentials are
 *       checked, so a burst of concurrent guesses cannot all slip past before the first failure is
 *       recorded; a success takes its count back ({@link #succeeded}). {@link #check} and {@link #failed}
 *       count only what failed.</li>
 *   <li>Memory is bounded: at most {@code maxKeys} keys are remembered, the least recently touched
 *       forgotten first, so a flood of distinct addresses cannot exhaust the heap.</li>
 * </ul>
 *
 * This node's memory only: with several nodes, each slows down what reaches it.
 */
final class FailureThrottle {

    /** The rules; {@link #DEFAULT} is what the catalog uses. */
    record Rules(int freeFailures, Duration firstDelay, Duration maxDelay, Duration decayEvery, int maxKeys) {

        static final Rules DEFAULT = new Rules(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofMinutes(15), 100_000);

        Rules {
            if (freeFailures < 0 || maxKeys < 1 || firstDelay.isNegative() || firstDelay.isZero()
                    || maxDelay.compareTo(firstDelay) < 0 || decayEvery.isNegative() || decayEvery.isZero()) {
                throw new IllegalArgumentException("inconsistent throttle rules: " + this);
            }
        }

        /** The wait imposed after {@code failures} failures. */
        Duration delayAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = failures - freeFailures;
            // 2^20 seconds is 12 days: past any sensible cap, and far from overflowing.
            if (doublings >= 20) {
                return maxDelay;
            }
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** The outcome of asking to attempt. */
    record Verdict(Duration retryAfter, boolean firstRefusal) {

        static final Verdict GO = new Verdict(Duration.ZERO, false);

        boolean allowed() {
            return retryAfter.isZero();
        }
    }

    private static final class Failures {
        int count;
        /** The latest failure: waits are counted from it. */
        Instant lastFailure;
        /** Up to when fading has been applied to {@link #count}. */
        Instant fadedUntil;
        /** Whether a refusal was already reported since the latest failure, so a flood is reported once. */
        boolean refusalReported;
    }

    private final Clock clock;
    private final Rules rules;
    private final Map<String, Failures> byKey;

    FailureThrottle(Clock clock, Rules rules) {
        this.clock = clock;
        this.rules = rules;
        this.byKey = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > rules.maxKeys();
            }
        };
    }

    /**
     * Lets an attempt under every one of {@code keys} through, counting it as a failure of each until
     * {@link #succeeded} takes it back, or refuses it (counting nothing) with the longest wait any key
     * imposes. For password sign-ins, where a burst of parallel guesses must not all get through.
     */
    synchronized Verdict attempt(List<String> keys) {
        Verdict verdict = check(keys);
        if (verdict.allowed()) {
            failed(keys);
        }
        return verdict;
    }

    /**
     * Whether an attempt under every one of {@code keys} may go ahead now, counting nothing: for token
     * checks, where a guess is hopeless anyway and a client's parallel requests with a good token must not
     * count against it. A refused attempt reports the longest wait any key imposes.
     */
    synchronized Verdict check(List<String> keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        boolean firstRefusal = false;
        for (String key : keys) {
            Failures failures = current(key, now);
            if (failures == null) {
                continue;
            }
            Duration wait = Duration.between(now, failures.lastFailure.plus(rules.delayAfter(failures.count)));
            if (wait.compareTo(longest) > 0) {
                longest = wait;
                firstRefusal = !failures.refusalReported;
            }
        }
        if (longest.isNegative() || longest.isZero()) {
            return Verdict.GO;
        }
        for (String key : keys) {
            Failures failures = byKey.get(key);
            if (failures != null) {
                failures.refusalReported = true;
            }
        }
        return new Verdict(longest, firstRefusal);
    }

    /** Counts a failure under each of {@code keys}, now. */
    synchronized void failed(List<String> keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Failures failures = current(key, now);
            if (failures == null) {
                failures = new Failures();
                byKey.put(key, failures);
            }
            failures.count++;
            failures.lastFailure = now;
            failures.fadedUntil = now;
            failures.refusalReported = false;
        }
    }

    /** The attempt {@link #attempt} let through under {@code key} succeeded: takes its count back. */
    synchronized void succeeded(String key) {
        Failures failures = byKey.get(key);
        if (failures != null && --failures.count <= 0) {
            byKey.remove(key);
        }
    }

    /** Forgets every failure under {@code key} (an account that signed in with its password). */
    synchronized void reset(String key) {
        byKey.remove(key);
    }

    /** How many failures {@code key} has now, after fading; for tests and diagnostics. */
    synchronized int failures(String key) {
        Failures failures = current(key, clock.instant());
        return failures == null ? 0 : failures.count;
    }

    synchronized int keys() {
        return byKey.size();
    }

    /** The key's failures with those that have faded by {@code now} removed; null when none are left. */
    private Failures current(String key, Instant now) {
        Failures failures = byKey.get(key);
        if (failures == null) {
            return null;
        }
        long quietPeriods = Duration.between(failures.fadedUntil, now).dividedBy(rules.decayEvery());
        if (quietPeriods > 0) {
            failures.count -= (int) Math.min(failures.count, quietPeriods);
            failures.fadedUntil = failures.fadedUntil.plus(rules.decayEvery().multipliedBy(quietPeriods));
            if (failures.count == 0) {
                byKey.remove(key);
                return null;
            }
        }
        return failures;
    }
}
