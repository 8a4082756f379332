package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.scheduler.Schedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --idle-timeout} / {@code CATALOG_ADMIN_IDLE_TIMEOUT}: the one duration grammar, the admin's
 * range (1m to 24h), and one clear line naming the flag and variable for anything else — hostile and huge
 * values included — before anything is opened.
 */
class IdleTimeoutOptionTest {

    @TempDir
    Path dir;

    @Test
    void readsTheOneDurationGrammar() {
        for (String value : List.of("30m", "1m", "90s", "2h", "24h", "1d", "PT45M", "pt1h", "60 s", "1440m")) {
            assertThat(ServeCommand.idleTimeout(value)).as(value).isEqualTo(Schedule.parseDuration(value));
        }
        assertThat(ServeCommand.idleTimeout("30m")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void refusesWhatIsNotADurationOrOutOfRangeNamingTheFlagAndVariable() {
        List<String> refused = List.of("", " ", "soon", "-5m", "1.5h", "30", "0", "59s", "500ms", "25h", "2d", "PT0S",
                "999999999d", "PT9999999999999999H", "P99999999999D", "9".repeat(10_000) + "m", "30m; rm -rf /",
                "<script>alert(1)</script>", "30m\u001b[31m", "\u0000", "３０m");
        for (String value : refused) {
            assertThatThrownBy(() -> ServeCommand.idleTimeout(value)).as(value)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("--idle-timeout / CATALOG_ADMIN_IDLE_TIMEOUT")
                    .satisfies(e -> {
                        assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\u001b", "\u0000", "\n");
                        assertThat(e.getMessage()).doesNotContain("CatalogAdmin.idleTimeout");
                    });
        }
        assertThatThrownBy(() -> ServeCommand.idleTimeout("25h")).hasMessageContaining("between 1m and 24h");
        assertThatThrownBy(() -> ServeCommand.idleTimeout("soon")).hasMessageContaining("such as 30m");
        assertThatThrownBy(() -> ServeCommand.idleTimeout(null)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aBadValueOnTheCommandLineIsAUsageErrorAndNothingStarts() {
        Path db = dir.resolve("never.db");
        CliRun run = CliRun.of("serve", "--db", db.toString(), "--port", "0", "--no-scheduler",
                "--idle-timeout", "forever");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("catalog: --idle-timeout / CATALOG_ADMIN_IDLE_TIMEOUT").contains("'forever'")
                .hasLineCount(1);
        assertThat(run.out()).doesNotContain("catalog API on");
        assertThat(db).doesNotExist();
    }

    @Test
    void theHelpNamesTheFlagItsVariableAndDefault() {
        CliRun help = CliRun.of("serve", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--idle-timeout", "CATALOG_ADMIN_IDLE_TIMEOUT",
                "Default: 30m");
    }
}
