package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceCheckRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final SourceCheckRule rule = new SourceCheckRule(3);

    @Test
    void aReachableLinkIsActiveWithItsFailuresReset() {
        SourceCheck check = rule.apply(source(true, 2), new LinkProbe.Reachable(206), NOW);

        assertThat(check.active()).isTrue();
        assertThat(check.state()).isEqualTo(new LinkState(NOW, 206, 0, null));
    }

    @Test
    void aSourceSwitchedOnOrOffByHandKeepsThatStateButItsCheckIsRecorded() {
        Source offByHand = lockedActive(source(false, 0));
        SourceCheck alive = rule.apply(offByHand, new LinkProbe.Reachable(200), NOW);
        assertThat(alive.active()).isFalse();
        assertThat(alive.state()).isEqualTo(new LinkState(NOW, 200, 0, null));

        Source onByHand = lockedActive(source(true, 0));
        SourceCheck gone = rule.apply(onByHand, new LinkProbe.Gone(404), NOW);
        assertThat(gone.active()).isTrue();
        assertThat(gone.state().lastStatus()).isEqualTo(404);
    }

    private static Source lockedActive(Source s) {
        return new Source(s.id(), s.owner(), s.url(), s.type(), s.provider(), s.active(), s.check(),
                java.util.Set.of("is_active"));
    }

    @Test
    void aDeadSourceThatAnswersAgainIsReactivated() {
        SourceCheck check = rule.apply(source(false, 5), new LinkProbe.Reachable(200), NOW);

        assertThat(check.active()).isTrue();
        assertThat(check.state().consecutiveFailures()).isZero();
    }

    @Test
    void goneTurnsASourceOffAtOnceWithoutCountingAFailure() {
        SourceCheck check = rule.apply(source(true, 0), new LinkProbe.Gone(410), NOW);

        assertThat(check.active()).isFalse();
        assertThat(check.state()).isEqualTo(new LinkState(NOW, 410, 0, "HTTP 410: the link is gone"));
    }

    @Test
    void failuresBelowTheThresholdKeepTheSourceActive() {
        SourceCheck first = rule.apply(source(true, 0), failed(FailureKind.TIMEOUT), NOW);
        SourceCheck second = rule.apply(source(true, 1), failed(FailureKind.SERVER_ERROR), NOW);

        assertThat(first.active()).isTrue();
        assertThat(first.state().consecutiveFailures()).isEqualTo(1);
        assertThat(second.active()).isTrue();
        assertThat(second.state().consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void theFailureThatReachesTheThresholdTurnsTheSourceOff() {
        SourceCheck check = rule.apply(source(true, 2), failed(FailureKind.CONNECTION), NOW);

        assertThat(check.active()).isFalse();
        assertThat(check.state().consecutiveFailures()).isEqualTo(3);
        assertThat(check.state().lastError()).isEqualTo("connection: boom");
    }

    @Test
    void aFailureNeverReactivatesAnInactiveSource() {
        SourceCheck check = rule.apply(source(false, 0), failed(FailureKind.TIMEOUT), NOW);

        assertThat(check.active()).isFalse();
        assertThat(check.state().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aThresholdOfOneTurnsOffOnTheFirstFailure() {
        SourceCheck check = new SourceCheckRule(1).apply(source(true, 0), failed(FailureKind.TIMEOUT), NOW);

        assertThat(check.active()).isFalse();
    }

    @Test
    void theStoredErrorIsOneShortLine() {
        String detail = "first line\nsecond line" + "x".repeat(1000);
        String error = SourceCheckRule.describe(new LinkProbe.Failed(FailureKind.REDIRECT_LOOP, 302, detail));

        assertThat(error).isEqualTo("redirect loop: first line");
        String long1 = SourceCheckRule.describe(new LinkProbe.Failed(FailureKind.TIMEOUT, null, "y".repeat(2000)));
        assertThat(long1).hasSize(500).doesNotContain("\n");
    }

    private static LinkProbe.Failed failed(FailureKind kind) {
        return new LinkProbe.Failed(kind, kind == FailureKind.SERVER_ERROR ? 503 : null, "boom");
    }

    private static Source source(boolean active, int failures) {
        return new Source(7, new SourceOwner.OfMovie(1), "https://cdn.example.org/a.m3u8", SourceType.PLAYLIST,
                null, active, new LinkState(null, null, failures, null));
    }
}
