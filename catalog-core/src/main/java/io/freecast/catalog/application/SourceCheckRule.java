package io.freecast.catalog.application;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
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
 */
final class SourceCheckRule {

    private final int failureThreshold;

    SourceCheckRule(int failureThreshold) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold must be 1 or more, got " + failureThreshold);
        }
        this.failureThreshold = failureThreshold;
    }

    SourceCheck apply(Source source, LinkProbe probe, Instant checkedAt) {
        SourceCheck check = applyRules(source, probe, checkedAt);
        return source.activeLockedByHand() ? new SourceCheck(source.id(), source.active(), check.state()) : check;
    }

    private SourceCheck applyRules(Source source, LinkProbe probe, Instant checkedAt) {
        LinkState before = source.check();
        return switch (probe) {
            case LinkProbe.Reachable reachable ->
                    new SourceCheck(source.id(), true, new LinkState(checkedAt, reachable.status(), 0, null));
            case LinkProbe.Gone gone ->
                    new SourceCheck(source.id(), false, new LinkState(checkedAt, gone.status(),
                            before.consecutiveFailures(), "HTTP " + gone.status() + ": the link is gone"));
            case LinkProbe.Failed failed -> {
                int failures = before.consecutiveFailures() + 1;
                boolean active = source.active() && failures < failureThreshold;
                yield new SourceCheck(source.id(), active,
                        new LinkState(checkedAt, failed.status(), failures, describe(failed)));
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
