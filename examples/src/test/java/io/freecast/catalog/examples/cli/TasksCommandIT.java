package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TasksCommandIT {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result catalog(String... args) {
        CommandLine cli = CatalogCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private String db() {
        return dir.resolve("catalog.db").toString();
    }

    @Test
    void aFreshCatalogListsEveryTaskWithTheReferenceScheduleAndNoRuns() {
        Result result = catalog("tasks", "--db", db());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(1 + TaskName.values().length);
        assertThat(result.out().lines().findFirst().orElseThrow())
                .matches("TASK +SCHEDULE +LAST RUN +STATUS +NEXT RUN");
        assertThat(result.out()).containsPattern("import-shows +startup\\+24h +never +- +\\d{4}-\\d\\d-\\d\\dT00:00:00Z")
                .containsPattern("update-ratings +off +never +- +-") // no ratings provider chosen
                .containsPattern("update-imdb-ratings +off +never +- +-") // nor several
                .containsPattern("update-kinopoisk-ratings +off +never +- +-")
                .containsPattern("validate-sources +0 \\*/6 \\* \\* \\* +never +- +\\d{4}-\\d\\d-\\d\\dT(00|06|12|18):00:00Z");
    }

    @Test
    void theLastRunAndItsResultComeFromTheSharedRunLog() {
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db())) {
            Instant start = Instant.parse("2026-11-24T21:00:00Z");
            long run = store.ports().taskRuns().recordStart(TaskName.VALIDATE_SOURCES, "node-7", start);
            store.ports().taskRuns().recordFinish(run, TaskReport.failed(TaskName.VALIDATE_SOURCES, start,
                    start.plusSeconds(3), "link checker unreachable"));
        }

        Result result = catalog("tasks", "--db", db(), "--schedule", "validate-sources=off");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern(
                "validate-sources +off +2026-11-24T21:00:00Z on node-7 +failed: link checker unreachable +-");
    }

    @Test
    void jsonHasTheFieldsOfTheHttpApi() throws Exception {
        Result result = catalog("tasks", "--db", db(), "--json", "--provider", "random",
                "--schedule", "update-ratings=startup+*/5 * * * *");

        assertThat(result.exitCode()).isZero();
        JsonNode tasks = new ObjectMapper().readTree(result.out());
        assertThat(tasks).hasSize(TaskName.values().length);
        JsonNode ratings = tasks.get(2);
        assertThat(ratings.get("task").asText()).isEqualTo("update-ratings");
        assertThat(ratings.get("schedule").asText()).isEqualTo("startup+*/5 * * * *");
        assertThat(ratings.get("next_run").asText()).matches("\\d{4}-.*:\\d[05]:00Z");
        assertThat(ratings.get("last_run").isNull()).isTrue();
        assertThat(ratings.get("last_result").isNull()).isTrue();
        assertThat(ratings.get("running").asBoolean()).isFalse();
    }

    @Test
    void aBadScheduleIsAUsageErrorWithOneLineSayingWhatToFix() {
        Result unknownTask = catalog("tasks", "--db", db(), "--schedule", "import-everything=3m");
        assertThat(unknownTask.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownTask.err().strip()).startsWith("catalog: --schedule: unknown task 'import-everything'")
                .doesNotContain("\n");

        Result badSpec = catalog("tasks", "--db", db(), "--schedule", "update-ratings=every now and then");
        assertThat(badSpec.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badSpec.err()).contains("--schedule update-ratings").contains("cron");

        Result noEquals = catalog("tasks", "--db", db(), "--schedule", "3m");
        assertThat(noEquals.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noEquals.err()).contains("TASK=SPEC");

        Result hugeSpec = catalog("tasks", "--db", db(), "--schedule", "update-ratings=" + "* ".repeat(50_000));
        assertThat(hugeSpec.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(hugeSpec.err().length()).isLessThan(500);

        Result badLease = catalog("tasks", "--db", db(), "--task-lease", "forever");
        assertThat(badLease.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badLease.err()).contains("CATALOG_TASK_LEASE");
    }

    @Test
    void schedulesComeFromTheEnvironmentAndFlagsWin() {
        SchedulerOptions options = new SchedulerOptions();
        options.schedules.add("update-ratings=10m");
        var environment = java.util.Map.of(
                "CATALOG_SCHEDULE_UPDATE_RATINGS", "5m",
                "CATALOG_SCHEDULE_IMPORT_SHOWS", "off",
                "CATALOG_SCHEDULE_VALIDATE_SOURCES", "0 3 * * *");

        var schedules = options.schedules(environment::get);

        assertThat(schedules.get(TaskName.UPDATE_RATINGS).describe()).isEqualTo("10m");
        assertThat(schedules.get(TaskName.IMPORT_SHOWS).describe()).isEqualTo("off");
        assertThat(schedules.get(TaskName.VALIDATE_SOURCES).describe()).isEqualTo("0 3 * * *");
        assertThat(schedules).doesNotContainKey(TaskName.IMPORT_MOVIES);

        var broken = java.util.Map.of("CATALOG_SCHEDULE_IMPORT_MOVIES", "daily");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SchedulerOptions().schedules(broken::get))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("CATALOG_SCHEDULE_IMPORT_MOVIES: ");
    }
}
