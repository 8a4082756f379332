package io.freecast.catalog.application;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.time.Duration;
import java.time.Instant;

/**
 * The outcome rules of a link check (README, "Link checking"): what one probe does to a source. Kept apart from the walk so the
 * rules read in one place.
 *
 * <ul>
 *   <li>reachable (a final 2xx) → active, failure count reset; a dead source comes back to life;</li>
 *   <li>gone (404 or 410) → inactive at once (the count is left as it was: "gone" is not a passing
 *       failure);</li>
 *   <li>any other failure (timeout, connection, 5xx, redirect loop, …) → one more consecutive failure;
 *       an active source turns inactive only when the count reaches the threshold, so one hiccup never
 *       hides a link from viewers.</li>
 * </ul>
 *
 * <p>A source a person switched on or off by hand ({@code is_active} locked) keeps that state: the check is
 * recorded (status, failures, error) but the source is neither deactivated nor reactivated.
 *
 * <p>Each check also says when the source is due again, so links that keep failing stop eating every run's
 * time: a reachable source is due at once (the next run checks it again); after {@code n} failures in a row
 * it waits {@code 1 h × 2^(n-1)}, at most {@link #LONGEST_BACK_OFF}; a gone one waits {@link #GONE_BACK_OFF}
 * (long enough not to matter, short enough that a link that comes back is noticed within a day).
 */
final class SourceCheckRule {

    static final Duration FIRST_BACK_OFF = Duration.ofHours(1);
    static final Duration LONGEST_BACK_OFF = Duration.ofDays(7);
    static final Duration GONE_BACK_OFF = Duration.ofDays(1);

    private final int failureThreshold;

    SourceCheckRule(int failureThreshold) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold must be 1 or more, got " + failureThreshold);
        }
        this.failureThreshold = failureThreshold;
    }

    SourceCheck apply(Source source, LinkProbe probe, Instant checkedAt) {
        SourceCheck check = applyRules(source, probe, checkedAt);
        return source.activeLockedByHand()
                ? new SourceCheck(source.id(), source.active(), check.state(), check.checkDueAt())
                : check;
    }

    /** How long a source waits for its next check after {@code failures} failures in a row. */
    static Duration backOff(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        // 2^(n-1) hours, capped before the shift could overflow: 2^8 h already exceeds a week.
        int doublings = Math.min(failures - 1, 8);
        Duration wait = FIRST_BACK_OFF.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : wait;
    }

    private SourceCheck applyRules(Source source, LinkProbe probe, Instant checkedAt) {
        LinkState before = source.check();
        return switch (probe) {
            case LinkProbe.Reachable reachable ->
                    new SourceCheck(source.id(), true, new LinkState(checkedAt, reachable.status(), 0, null), checkedAt);
            case LinkProbe.Gone gone ->
                    new SourceCheck(source.id(), false, new LinkState(checkedAt, gone.status(),
                            before.consecutiveFailures(), "HTTP " + gone.status() + ": the link is gone"),
                            checkedAt.plus(GONE_BACK_OFF));
            case LinkProbe.Failed failed -> {
                int failures = before.consecutiveFailures() + 1;
                boolean active = source.active() && failures < failureThreshold;
                yield new SourceCheck(source.id(), active,
                        new LinkState(checkedAt, failed.status(), failures, describe(failed)),
                        checkedAt.plus(backOff(failures)));
            }
        };
    }

    /** {@code timeout: no answer within 10s}: the kind first, so the stored error sorts and greps well. */
    static String describe(LinkProbe.Failed failed) {
        String kind = failed.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String detail = failed.detail() == null || failed.detail().isBlank() ? "" : ": " + oneLine(failed.detail());
        String line = kind + detail;
        return line.length() <= 500 ? line : line.substring(0, 499) + "…";
    }

    private static String oneLine(String s) {
        int newline = s.indexOf('\n');
        return (newline < 0 ? s : s.substring(0, newline)).strip();
    }
}
