package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON view of a task and of a task run, with snake_case wire names: what {@code GET /tasks} and
 * {@code GET /tasks/{name}/runs} answer, and what a command line prints for {@code tasks --json}, so the
 * two can never drift apart. Maps in field order, for any JSON writer.
 */
public final class TaskJson {

    private TaskJson() {
    }

    /** A task: its schedule, whether it runs now, when it runs next, its last run and last finished run. */
    public static Map<String, Object> overview(TaskOverview task) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("task", task.task().wireName());
        view.put("schedule", task.schedule());
        view.put("running", task.running());
        view.put("next_run", task.findNextRun().map(Object::toString).orElse(null));
        view.put("last_result", task.lastResult().map(TaskStatus::wireName).orElse(null));
        view.put("last_run", task.findLastRun().map(TaskJson::run).orElse(null));
        view.put("last_finished_run", task.findLastFinished().map(TaskJson::run).orElse(null));
        return view;
    }

    /** One run: node, status, start and end, duration, counts and error. */
    public static Map<String, Object> run(TaskRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("task", run.task().wireName());
        view.put("node", run.node());
        view.put("status", run.status().wireName());
        view.put("started_at", run.startedAt().toString());
        view.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
        view.put("duration_ms", run.finishedAt() == null ? null
                : Duration.between(run.startedAt(), run.finishedAt()).toMillis());
        view.put("counts", run.counts());
        view.put("error", run.error());
        return view;
    }
}
