package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-feed-size} / {@code CATALOG_MAX_FEED_SIZE} (import-shows, import-movies, serve): a size in bytes or
 * with a binary or decimal unit, from 1 byte to 16 GiB, and one clear line naming the flag and variable for anything
 * else — before anything is opened.
 */
class MaxFeedSizeOptionTest {

    @TempDir
    Path dir;

    @Test
    void readsBytesAndBinaryAndDecimalUnitsInAnyCase() {
        Map<String, Long> accepted = Map.ofEntries(
                Map.entry("512MiB", 512L * 1024 * 1024),
                Map.entry("2GiB", 2L * 1024 * 1024 * 1024),
                Map.entry("2 GiB", 2L * 1024 * 1024 * 1024),
                Map.entry(" 2gib ", 2L * 1024 * 1024 * 1024),
                Map.entry("1.5GiB", 3L * 512 * 1024 * 1024),
                Map.entry("64KiB", 64L * 1024),
                Map.entry("800MB", 800_000_000L),
                Map.entry("800mb", 800_000_000L),
                Map.entry("1kB", 1_000L),
                Map.entry("65536", 65_536L),
                Map.entry("65536B", 65_536L),
                Map.entry("1", 1L),
                Map.entry("0.5KiB", 512L),
                Map.entry("16GiB", 16L * 1024 * 1024 * 1024),
                Map.entry("0.015TiB", 16_492_674_416L));
        accepted.forEach((text, bytes) -> assertThat(FeedSizeOption.parse(text)).as(text).isEqualTo(bytes));
    }

    @Test
    void refusesWhatIsNotASizeOrOutOfRangeNamingTheFlagAndVariable() {
        List<String> refused = List.of("", " ", "big", "0", "0MiB", "0.0001B", "-1GiB", "+1GiB", "2XB", "2 G", "2GiBs",
                "1e9", "0x100", "NaN", "17GiB", "16.5GiB", "1TiB", "17179869185", "99999999999999999999", "1,000",
                "1.0000000001GiB", "2GiB; rm -rf /", "2GiB\u001b[31m", "\u0000", "３MiB", "5\u00a0MiB",
                "9".repeat(10_000) + "GiB");
        for (String value : refused) {
            assertThatThrownBy(() -> FeedSizeOption.parse(value)).as(value)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("--max-feed-size / CATALOG_MAX_FEED_SIZE")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\u001b", "\u0000", "\n"));
        }
        assertThatThrownBy(() -> FeedSizeOption.parse("big")).hasMessageContaining("such as 512MiB, 2GiB or 800MB");
        assertThatThrownBy(() -> FeedSizeOption.parse("0MiB")).hasMessageContaining("at least 1 byte");
        assertThatThrownBy(() -> FeedSizeOption.parse("17GiB")).hasMessageContaining("at most 16GiB");
        assertThatThrownBy(() -> FeedSizeOption.parse(null)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aBadValueOnTheCommandLineIsAUsageErrorAndNothingOpens() {
        for (String command : List.of("import-movies", "import-shows")) {
            Path db = dir.resolve(command + ".db");
            CliRun run = CliRun.of(command, "--db", db.toString(), "--max-feed-size", "lots");
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(command).startsWith("catalog: --max-feed-size / CATALOG_MAX_FEED_SIZE")
                    .contains("'lots'").hasLineCount(1);
            assertThat(db).doesNotExist();
        }
        Path db = dir.resolve("serve.db");
        CliRun serve = CliRun.of("serve", "--db", db.toString(), "--port", "0", "--no-scheduler",
                "--max-feed-size", "32GiB");
        assertThat(serve.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(serve.err()).startsWith("catalog: --max-feed-size / CATALOG_MAX_FEED_SIZE must be at most 16GiB")
                .hasLineCount(1);
        assertThat(serve.out()).doesNotContain("catalog API on");
        assertThat(db).doesNotExist();
    }

    @Test
    void theHelpOfEveryCommandThatImportsNamesTheFlagItsVariableAndDefault() {
        for (String command : List.of("import-movies", "import-shows", "serve")) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.out().replaceAll("\\s+", " ")).as(command).contains("--max-feed-size=SIZE",
                    "CATALOG_MAX_FEED_SIZE", "Default: 512MiB", "at most 16GiB");
        }
    }
}
