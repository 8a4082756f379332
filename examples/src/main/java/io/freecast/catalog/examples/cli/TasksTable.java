package io.freecast.catalog.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.http.server.TaskJson;
import io.freecast.catalog.domain.TaskStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How {@code catalog tasks} prints the tasks: a table for people, or JSON (the same fields as the HTTP
 * API's {@code GET /tasks}) for scripts.
 */
final class TasksTable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int ERROR_WIDTH = 60;

    private TasksTable() {
    }

    static void print(List<TaskOverview> tasks, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TASK", "SCHEDULE", "LAST RUN", "STATUS", "NEXT RUN"});
        for (TaskOverview task : tasks) {
            rows.add(new String[] {
                task.task().wireName(),
                task.schedule(),
                task.findLastRun().map(run -> time(run.startedAt()) + " on " + run.node()).orElse("never"),
                status(task),
                task.findNextRun().map(TasksTable::time).orElse("-"),
            });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** {@code running}, or the last result with the error of a failed run. */
    static String status(TaskOverview task) {
        if (task.running()) {
            return "running";
        }
        return task.findLastFinished().map(run -> run.status() == TaskStatus.SUCCEEDED
                ? run.status().wireName()
                : run.status().wireName() + ": " + abbreviate(String.valueOf(run.error()))).orElse("-");
    }

    static String toJson(List<TaskOverview> tasks) {
        List<Map<String, Object>> body = tasks.stream().map(TaskJson::overview).toList();
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the task list could not be written as JSON", e);
        }
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= ERROR_WIDTH ? oneLine : oneLine.substring(0, ERROR_WIDTH - 1) + "…";
    }
}
