package io.freecast.catalog.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.TaskReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --json}, and how a task command ends: the report on stdout (a summary, or JSON for scripts),
 * a failed run's reason as one line on stderr, and the exit code (0 succeeded, 1 failed).
 */
public final class ReportOptions {

    /** Rejections a human summary lists; {@code --json} has every one the report kept. */
    static final int REJECTIONS_SHOWN = 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "Print the task report as JSON on stdout.")
    boolean json;

    /** Prints the report and answers the exit code. */
    public int finish(TaskReport report, PrintWriter out, PrintWriter err) {
        if (json) {
            out.println(toJson(report));
        } else {
            printSummary(report, out);
        }
        out.flush();
        if (!report.succeeded()) {
            err.println("catalog: " + report.task() + " failed: " + report.error());
            err.flush();
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** The report as JSON, with the API's snake_case names. */
    static String toJson(TaskReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("task", report.task().wireName());
        map.put("status", report.status().wireName());
        map.put("started_at", report.startedAt().toString());
        map.put("finished_at", report.finishedAt().toString());
        map.put("duration_ms", report.duration().toMillis());
        map.put("counts", report.counts());
        List<Map<String, Object>> rejections = new ArrayList<>();
        for (Rejection r : report.rejections()) {
            Map<String, Object> rejection = new LinkedHashMap<>();
            rejection.put("index", r.index());
            rejection.put("id", r.itemId());
            rejection.put("reason", r.reason());
            rejections.add(rejection);
        }
        map.put("rejections", rejections);
        map.put("notes", report.notes());
        map.put("error", report.error());
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a task report could not be written as JSON", e);
        }
    }

    private static void printSummary(TaskReport report, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        line.append(report.task()).append(' ').append(report.status().wireName())
                .append(" in ").append(String.format(java.util.Locale.ROOT, "%.1f s", report.duration().toMillis() / 1000.0));
        if (!report.counts().isEmpty()) {
            line.append(": ");
            List<String> counts = new ArrayList<>();
            report.counts().forEach((name, count) -> counts.add(count + " " + name));
            line.append(String.join(", ", counts));
        }
        out.println(line);
        List<Rejection> rejections = report.rejections();
        for (int i = 0; i < Math.min(REJECTIONS_SHOWN, rejections.size()); i++) {
            Rejection r = rejections.get(i);
            out.println("  rejected item " + r.index() + (r.itemId() == null ? "" : " (id " + r.itemId() + ")")
                    + ": " + r.reason());
        }
        long more = report.count("rejected") - Math.min(REJECTIONS_SHOWN, rejections.size());
        if (more > 0) {
            out.println("  … and " + more + " more rejected (--json lists up to " + rejections.size() + ")");
        }
        for (String note : report.notes()) {
            out.println("  note: " + note);
        }
    }
}
