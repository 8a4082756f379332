package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON view of tasks and runs, which the HTTP API and the command line both print. */
class TaskJsonTest {

    private static final Instant START = Instant.parse("2026-03-29T00:30:00Z");

    @Test
    void aFinishedRunHasItsWireNamesDurationCountsAndError() {
        TaskRun run = new TaskRun(7, TaskName.IMPORT_SHOWS, "node-a", START, START.plusMillis(1500), TaskStatus.FAILED,
                Map.of("read", 3L), "the feed is not JSON");

        assertThat(TaskJson.run(run)).containsExactly(
                Map.entry("id", 7L),
                Map.entry("task", "import-shows"),
                Map.entry("node", "node-a"),
                Map.entry("status", TaskStatus.FAILED.wireName()),
                Map.entry("started_at", "2026-03-29T00:30:00Z"),
                Map.entry("finished_at", "2026-03-29T00:30:01.500Z"),
                Map.entry("duration_ms", 1500L),
                Map.entry("counts", Map.of("read", 3L)),
                Map.entry("error", "the feed is not JSON"));
    }

    @Test
    void aRunningTaskHasNoEndAndItsRunsAreTheSameView() {
        TaskRun running = new TaskRun(8, TaskName.IMPORT_SHOWS, "node-a", START, null, TaskStatus.RUNNING, Map.of(), null);
        TaskOverview task = new TaskOverview(TaskName.IMPORT_SHOWS, "24h", running, null, START.plusSeconds(60), true);

        Map<String, Object> view = TaskJson.overview(task);

        assertThat(view).containsKeys("task", "schedule", "running", "next_run", "last_result", "last_run",
                "last_finished_run");
        assertThat(view.get("last_run")).isEqualTo(TaskJson.run(running));
        assertThat(TaskJson.run(running)).containsEntry("finished_at", null).containsEntry("duration_ms", null);
        assertThat(view.get("last_finished_run")).isNull();
        assertThat(view.get("next_run")).isEqualTo("2026-03-29T00:31:00Z");
    }
}
