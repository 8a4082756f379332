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
 * {@code --db-answer-timeout} / {@code CATALOG_DB_ANSWER_TIMEOUT}: the one duration grammar, the store's range
 * (0 for no bound, else 1s to 24d), and one clear line naming the flag and variable for anything else — hostile
 * and huge values included — before anything is opened.
 */
class DbAnswerTimeoutOptionTest {

    @TempDir
    Path dir;

    @Test
    void readsTheOneDurationGrammarAndZeroForNoBound() {
        for (String value : List.of("5s", "1s", "2m", "PT10S", "pt1m", "24d", "1000ms", "90 s")) {
            assertThat(DatabaseOptions.answerTimeout(value)).as(value).isEqualTo(Schedule.parseDuration(value));
        }
        assertThat(DatabaseOptions.answerTimeout("0")).isZero();
        assertThat(DatabaseOptions.answerTimeout("5s")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesWhatIsNotADurationOrOutOfRangeNamingTheFlagAndVariable() {
        List<String> refused = List.of("", " ", "soon", "-5s", "1.5s", "5", "500ms", "999ms", "25d", "PT-1S",
                "999999999d", "PT9999999999999999H", "9".repeat(10_000) + "s", "5s; rm -rf /",
                "<script>alert(1)</script>", "5s\u001b[31m", "\u0000", "５s");
        for (String value : refused) {
            assertThatThrownBy(() -> DatabaseOptions.answerTimeout(value)).as(value)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("--db-answer-timeout / CATALOG_DB_ANSWER_TIMEOUT")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200)
                            .doesNotContain("\u001b", "\u0000", "\n", "JdbcCatalogStore.answerTimeout"));
        }
        assertThatThrownBy(() -> DatabaseOptions.answerTimeout("500ms")).hasMessageContaining("between 1s and 24d");
        assertThatThrownBy(() -> DatabaseOptions.answerTimeout("soon")).hasMessageContaining("such as 5s");
        assertThatThrownBy(() -> DatabaseOptions.answerTimeout(null)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aBadValueOnTheCommandLineIsAUsageErrorAndNothingIsOpened() {
        Path db = dir.resolve("never.db");
        CliRun run = CliRun.of("migrate", "--db", db.toString(), "--db-answer-timeout", "forever");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("catalog: --db-answer-timeout / CATALOG_DB_ANSWER_TIMEOUT")
                .contains("'forever'").hasLineCount(1);
        assertThat(db).doesNotExist();
    }

    @Test
    void aGoodValueOpensTheStore() {
        Path db = dir.resolve("catalog.db");
        CliRun run = CliRun.of("migrate", "--db", db.toString(), "--db-answer-timeout", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(db).exists();
    }

    @Test
    void theHelpNamesTheFlagItsVariableAndDefault() {
        CliRun help = CliRun.of("serve", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--db-answer-timeout", "CATALOG_DB_ANSWER_TIMEOUT",
                "Default: 5s");
    }
}
