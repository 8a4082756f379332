package io.freecast.catalog.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.TaskReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a task's {@link TaskReport}: a short table for people, or with {@code --json} one JSON object
 * for scripts (snake_case keys, the counts as an object, the error {@code null} when the run succeeded).
 */
public final class ReportPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportPrinter() {
    }

    public static void print(TaskReport report, boolean json, PrintWriter out, PrintWriter err) {
        if (json) {
            out.println(toJson(report));
        } else {
            printText(report, out);
        }
        if (!report.succeeded()) {
            err.println("catalog: " + report.task() + " failed: " + LauncherTerms.translate(report.error()));
        }
        out.flush();
        err.flush();
    }

    static String toJson(TaskReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", report.task().wireName());
        body.put("status", report.status().name().toLowerCase(java.util.Locale.ROOT));
        body.put("started_at", report.startedAt().toString());
        body.put("finished_at", report.finishedAt().toString());
        body.put("duration_ms", report.duration().toMillis());
        body.put("counts", report.counts());
        body.put("rejections", report.rejections().stream().map(ReportPrinter::rejection).toList());
        body.put("notes", report.notes());
        body.put("error", report.error());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain data and always serialises", e);
        }
    }

    private static Map<String, Object> rejection(Rejection r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", r.index());
        m.put("id", r.itemId());
        m.put("reason", r.reason());
        return m;
    }

    private static void printText(TaskReport report, PrintWriter out) {
        out.printf("%s %s in %.1f s%n", report.task(), report.succeeded() ? "succeeded" : "FAILED",
                report.duration().toMillis() / 1000.0);
        int width = report.counts().keySet().stream().mapToInt(String::length).max().orElse(0);
        report.counts().forEach((name, count) -> out.printf("  %-" + width + "s  %d%n", name, count));
        List<Rejection> rejections = report.rejections();
        for (Rejection r : rejections) {
            out.printf("  rejected #%d%s: %s%n", r.index(), r.itemId() == null ? "" : " (" + r.itemId() + ")",
                    r.reason());
        }
        for (String note : report.notes()) {
            out.println("  note: " + note);
        }
    }
}
