package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.port.in.TooManyChecksException;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How much "check now" one caller may ask for: a source once at a time, 30 checks a minute per actor. */
class CheckNowLimitsTest {

    private static final Actor ALICE = Actor.account(1, "alice", Channel.WEB);
    private static final Actor ALICE_OVER_THE_API = Actor.account(1, "alice", Channel.API);
    private static final Actor BOB_TOKEN = Actor.token(7, "bob", "script", Channel.API);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final CheckNowLimits limits = new CheckNowLimits(clock);

    @Test
    void aSourceIsCheckedByOneRequestAtATimeWhoeverAsks() {
        limits.begin(ALICE, 5);

        assertThatThrownBy(() -> limits.begin(BOB_TOKEN, 5)).isInstanceOf(TooManyChecksException.class)
                .hasMessage("source 5 is being checked already; try again when that check has finished")
                .satisfies(e -> assertThat(((TooManyChecksException) e).retryAfterSeconds()).isEqualTo(2));
        limits.begin(BOB_TOKEN, 6);
        limits.end(5);
        limits.begin(BOB_TOKEN, 5);
    }

    @Test
    void thirtyChecksAMinutePerActorThenOneMoreEveryTwoSeconds() {
        for (long source = 1; source <= CheckNowLimits.PER_MINUTE; source++) {
            limits.begin(ALICE, source);
            limits.end(source);
        }

        assertThatThrownBy(() -> limits.begin(ALICE_OVER_THE_API, 100)).as("the same account, whatever the channel")
                .isInstanceOf(TooManyChecksException.class)
                .hasMessage("more than 30 links checked by hand in a minute; try again in 2 s (validate-sources checks"
                        + " many at once)")
                .satisfies(e -> assertThat(((TooManyChecksException) e).retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        limits.begin(BOB_TOKEN, 100);
        limits.end(100);

        clock.advance(Duration.ofMillis(1_500));
        assertThatThrownBy(() -> limits.begin(ALICE, 100))
                .satisfies(e -> assertThat(((TooManyChecksException) e).retryAfter()).isEqualTo(Duration.ofMillis(500)))
                .satisfies(e -> assertThat(((TooManyChecksException) e).retryAfterSeconds()).isEqualTo(1));
        clock.advance(Duration.ofMillis(500));
        limits.begin(ALICE, 100);
        limits.end(100);
        assertThatThrownBy(() -> limits.begin(ALICE, 101)).isInstanceOf(TooManyChecksException.class);

        clock.advance(Duration.ofMinutes(5));
        for (long source = 1; source <= CheckNowLimits.PER_MINUTE; source++) {
            limits.begin(ALICE, source);
            limits.end(source);
        }
        assertThatThrownBy(() -> limits.begin(ALICE, 100)).as("a full bucket holds 30, however long it waited")
                .isInstanceOf(TooManyChecksException.class);
    }

    @Test
    void aRefusedCheckCostsNothing() {
        limits.begin(ALICE, 5);
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> limits.begin(ALICE, 5)).isInstanceOf(TooManyChecksException.class);
        }
        limits.end(5);
        for (long source = 2; source <= CheckNowLimits.PER_MINUTE; source++) {
            limits.begin(ALICE, source);
            limits.end(source);
        }
        assertThatThrownBy(() -> limits.begin(ALICE, 100)).hasMessageStartingWith("more than 30");
    }
}
