package io.freecast.catalog.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void intervalSlotsAreMultiplesOfTheIntervalSinceTheEpochWhateverTheStartingPoint() {
        Schedule every3m = Schedule.every(Duration.ofMinutes(3));

        assertThat(every3m.nextSlotAfter(at("2026-11-24T10:01:17.123Z"))).contains(at("2026-11-24T10:03:00Z"));
        assertThat(every3m.nextSlotAfter(at("2026-11-24T10:03:00Z"))).contains(at("2026-11-24T10:06:00Z"));
        assertThat(every3m.latestSlotAtOrBefore(at("2026-11-24T10:03:00Z"))).contains(at("2026-11-24T10:03:00Z"));
        assertThat(every3m.latestSlotAtOrBefore(at("2026-11-24T10:05:59.999Z"))).contains(at("2026-11-24T10:03:00Z"));
    }

    @Test
    void aDailyIntervalFiresAtMidnightUtcAndAnAnchorMovesIt() {
        assertThat(Schedule.every(Duration.ofHours(24)).nextSlotAfter(at("2026-11-24T10:00:00Z")))
                .contains(at("2026-11-25T00:00:00Z"));
        assertThat(Schedule.every(Duration.ofHours(24), at("2020-01-01T04:30:00Z"))
                .nextSlotAfter(at("2026-11-24T10:00:00Z"))).contains(at("2026-11-25T04:30:00Z"));
    }

    @Test
    void intervalSlotsBeforeTheAnchorAreAlignedToo() {
        Schedule schedule = Schedule.every(Duration.ofSeconds(10), at("2030-01-01T00:00:00Z"));
        assertThat(schedule.nextSlotAfter(at("2026-11-24T10:00:05Z"))).contains(at("2026-11-24T10:00:10Z"));
        assertThat(schedule.latestSlotAtOrBefore(at("2026-11-24T10:00:05Z"))).contains(at("2026-11-24T10:00:00Z"));
    }

    @Test
    void cronEveryMinuteZeroOfHoursDivisibleBySixIsTheReferenceValidation() {
        Schedule cron = Schedule.cron("0 */6 * * *");

        assertThat(cron.nextSlotAfter(at("2026-11-24T10:01:00Z"))).contains(at("2026-11-24T12:00:00Z"));
        assertThat(cron.nextSlotAfter(at("2026-11-24T12:00:00Z"))).contains(at("2026-11-24T18:00:00Z"));
        assertThat(cron.nextSlotAfter(at("2026-11-24T11:59:59.999Z"))).contains(at("2026-11-24T12:00:00Z"));
        assertThat(cron.nextSlotAfter(at("2026-11-24T18:30:00Z"))).contains(at("2026-11-25T00:00:00Z"));
        assertThat(cron.latestSlotAtOrBefore(at("2026-11-24T12:00:00Z"))).contains(at("2026-11-24T12:00:00Z"));
        assertThat(cron.latestSlotAtOrBefore(at("2026-11-24T17:59:00Z"))).contains(at("2026-11-24T12:00:00Z"));
    }

    @Test
    void cronSupportsListsRangesStepsAndNamesOfTheUnixSyntax() {
        assertThat(Schedule.cron("*/3 * * * *").nextSlotAfter(at("2026-11-24T10:01:00Z")))
                .contains(at("2026-11-24T10:03:00Z"));
        assertThat(Schedule.cron("30 2 * * 1-5").nextSlotAfter(at("2026-11-28T00:00:00Z"))) // a Saturday
                .contains(at("2026-11-30T02:30:00Z"));
        assertThat(Schedule.cron("0 0,12 1 jan *").nextSlotAfter(at("2026-11-24T00:00:00Z")))
                .contains(at("2027-01-01T00:00:00Z"));
    }

    @Test
    void cronCanBeEvaluatedInAZoneOtherThanUtc() {
        Schedule paris = Schedule.cron("0 3 * * *", ZoneId.of("Europe/Paris"));
        assertThat(paris.nextSlotAfter(at("2026-11-24T00:00:00Z"))).contains(at("2026-11-24T02:00:00Z"));
        assertThat(paris.describe()).isEqualTo("0 3 * * * (Europe/Paris)");
    }

    @Test
    void offNeverFires() {
        assertThat(Schedule.off().nextSlotAfter(Instant.now())).isEmpty();
        assertThat(Schedule.off().latestSlotAtOrBefore(Instant.now())).isEmpty();
        assertThat(Schedule.off().startupDelay()).isEmpty();
    }

    @Test
    void parseReadsTheTextFormAndDescribeWritesItBack() {
        assertThat(Schedule.parse("off")).isEqualTo(Schedule.off());
        assertThat(Schedule.parse("3m")).isEqualTo(Schedule.every(Duration.ofMinutes(3)));
        assertThat(Schedule.parse("PT3M")).isEqualTo(Schedule.every(Duration.ofMinutes(3)));
        assertThat(Schedule.parse(" 24H ")).isEqualTo(Schedule.every(Duration.ofHours(24)));
        assertThat(Schedule.parse("1d").describe()).isEqualTo("24h");
        assertThat(Schedule.parse("90s").describe()).isEqualTo("90s");
        assertThat(Schedule.parse("startup+24h")).isEqualTo(Schedule.every(Duration.ofHours(24)).atStartup());
        assertThat(Schedule.parse("startup+24h").describe()).isEqualTo("startup+24h");
        assertThat(Schedule.parse("startup").describe()).isEqualTo("startup");
        assertThat(Schedule.parse("startup").startupDelay()).contains(Duration.ZERO);
        assertThat(Schedule.parse("*/3  * * * *")).isEqualTo(Schedule.cron("*/3 * * * *"));
        assertThat(Schedule.parse("startup+0 */6 * * *").describe()).isEqualTo("startup+0 */6 * * *");
        for (String text : new String[] {"off", "3m", "startup+24h", "startup", "0 */6 * * *", "2d", "1500ms"}) {
            assertThat(Schedule.parse(Schedule.parse(text).describe())).isEqualTo(Schedule.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "3", "-3m", "3 minutes", "0 */6 * *", "0 0 */6 * * *", "61 * * * *",
        "* 25 * * *", "@daily", "every 3m", "PT0.5S", "0s", "999ms", "1y", "3m;rm -rf /", "startup+", "startup+soon",
        "\u0000", "9999999999d"})
    void anythingElseIsRefusedWithAMessageSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> Schedule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageFindingMatch("schedule|cron|interval");
    }

    @Test
    void hugeInputIsRefusedWithoutBeingParsed() {
        assertThatThrownBy(() -> Schedule.parse("* ".repeat(100_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("characters long");
        assertThatThrownBy(() -> Schedule.cron("* ".repeat(1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 Unix fields");
    }

    @Test
    void intervalsShorterThanASecondAreRefused() {
        assertThatThrownBy(() -> Schedule.every(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1s");
    }

    @Test
    void retryDelaysGrowUpToTheirCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));
        assertThat(policy.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
