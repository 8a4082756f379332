package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.scheduler.Schedule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Every duration option reads one grammar: --response-cache, --stale-after, --timeout, --task-lease, schedules. */
class DurationOptionsTest {

    private static final List<String> ACCEPTED = List.of("0", "500ms", "1s", "90s", "1m", "3M", "2h", "1d", "10 s",
            "PT1M", "pt10s");
    private static final List<String> REFUSED = List.of("soon", "1y", "-1s", "1.5s", "s", "P", "1m30s");

    @Test
    void theResponseCacheTheOtherDurationOptionsAndSchedulesAgreeOnEveryValue() {
        DurationConverter converter = new DurationConverter();
        for (String value : ACCEPTED) {
            Duration expected = Schedule.parseDuration(value);
            assertThat(converter.convert(value)).as(value).isEqualTo(expected);
            assertThat(ServeCommand.parseDuration(value)).as(value).isEqualTo(expected);
        }
        assertThat(ServeCommand.parseDuration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(converter.convert("0")).isZero();
    }

    @Test
    void theyRefuseTheSameValuesSayingWhatIsAccepted() {
        DurationConverter converter = new DurationConverter();
        for (String value : REFUSED) {
            assertThatThrownBy(() -> converter.convert(value)).as(value).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("500ms");
            assertThatThrownBy(() -> ServeCommand.parseDuration(value)).as(value)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("--response-cache");
            assertThatThrownBy(() -> Schedule.parseDuration(value)).as(value).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
