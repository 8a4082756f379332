package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.application.FailureThrottle.Rules;
import io.freecast.catalog.application.FailureThrottle.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private final HandClock clock = new HandClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final FailureThrottle throttle = new FailureThrottle(clock, Rules.DEFAULT);
    private static final List<String> ALICE = List.of("account:alice");

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesFromOneSecondUpToFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt(ALICE).allowed()).as("attempt %d", i + 1).isTrue();
        }
        Duration expected = Duration.ofSeconds(1);
        for (int failure = 5; failure < 20; failure++) {
            Verdict refused = throttle.attempt(ALICE);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfter()).as("after %d failures", failure).isEqualTo(expected);
            clock.advance(refused.retryAfter());
            assertThat(throttle.attempt(ALICE).allowed()).isTrue();
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0
                    ? Duration.ofMinutes(15) : expected.multipliedBy(2);
        }
        assertThat(throttle.attempt(ALICE).retryAfter()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aRefusedAttemptCountsNothingAndReportsTheRemainingWait() {
        failTimes(ALICE, 6);
        clock.advance(Duration.ofMillis(400));

        Verdict first = throttle.attempt(ALICE);
        Verdict second = throttle.attempt(ALICE);

        assertThat(throttle.failures("account:alice")).isEqualTo(6);
        assertThat(first.retryAfter()).isEqualTo(Duration.ofMillis(1600));
        assertThat(first.firstRefusal()).isTrue();
        assertThat(second.firstRefusal()).as("a flood of refusals is reported once").isFalse();
    }

    @Test
    void failuresFadeOneFor15QuietMinutes() {
        failTimes(ALICE, 8);

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.failures("account:alice")).isEqualTo(7);
        clock.advance(Duration.ofMinutes(29));
        assertThat(throttle.failures("account:alice")).isEqualTo(6);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.failures("account:alice")).isEqualTo(5);
        assertThat(throttle.attempt(ALICE).allowed()).isTrue();
        clock.advance(Duration.ofHours(3));
        assertThat(throttle.failures("account:alice")).isZero();
        assertThat(throttle.keys()).isZero();
    }

    @Test
    void waitingOutTheCapIsEnoughEvenThoughFadingIsSlower() {
        failTimes(ALICE, 30);
        clock.advance(Duration.ofMinutes(15));

        assertThat(throttle.attempt(ALICE).allowed()).isTrue();
    }

    @Test
    void aSuccessTakesItsAttemptBackAndAResetForgetsEverything() {
        failTimes(ALICE, 4);
        throttle.attempt(ALICE);
        throttle.succeeded("account:alice");
        assertThat(throttle.failures("account:alice")).isEqualTo(4);

        throttle.reset("account:alice");
        assertThat(throttle.failures("account:alice")).isZero();
    }

    @Test
    void theLongestWaitOfAnyKeyApplies() {
        List<String> both = List.of("account:alice", "login-address:10.0.0.1");
        failTimes(List.of("login-address:10.0.0.1"), 7);

        Verdict verdict = throttle.attempt(both);

        assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.failures("account:alice")).isZero();
    }

    @Test
    void checkCountsNothingAndFailedCountsEachKey() {
        List<String> address = List.of("token-address:10.0.0.2");
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.check(address).allowed()).isTrue();
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed(address);
        }
        assertThat(throttle.check(address).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfDistinctKeys() {
        FailureThrottle small = new FailureThrottle(clock, new Rules(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofMinutes(15), 1_000));
        for (int i = 0; i < 50_000; i++) {
            small.attempt(List.of("login-address:10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255)));
        }
        assertThat(small.keys()).isEqualTo(1_000);
        assertThat(small.failures("login-address:10.0.195.79")).as("the newest are kept").isEqualTo(1);
    }

    private void failTimes(List<String> keys, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(keys);
        }
    }
}
