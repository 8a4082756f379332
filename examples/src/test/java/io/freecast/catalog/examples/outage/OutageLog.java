package io.freecast.catalog.examples.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What the server's log must say about an outage: one line as it starts, few while it lasts, one as it ends. */
final class OutageLog {

    private OutageLog() {
    }

    /**
     * @param minSummaries the fewest "still unavailable" lines expected
     * @param maxSummaries the most (one per ten seconds of outage)
     */
    static void assertOneOutage(String log, int minSummaries, int maxSummaries) {
        List<String> lines = log.lines().toList();
        assertThat(lines.stream().filter(l -> l.contains("database unavailable: ")))
                .as("one line as the outage starts, in:%n%s", log).hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("WARN").matches(".*\\(([a-z][a-z .'-]+)\\).*"));
        assertThat(lines.stream().filter(l -> l.contains("database still unavailable after ")))
                .as("a summary at most every ten seconds, in:%n%s", log).hasSizeBetween(minSummaries, maxSummaries);
        assertThat(lines.stream().filter(l -> l.contains("database available again after ")))
                .as("one line as it ends, in:%n%s", log).hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("requests were refused while it was away"));
        assertNoStackTrace(log);
    }

    /** No stack trace, no exception's class name: an outage is said in words, once. */
    static void assertNoStackTrace(String log) {
        assertThat(log.lines().filter(l -> l.startsWith("\tat ") || l.matches("^\\s+at [a-z].*")
                || l.startsWith("Caused by: ") || l.contains("Exception")))
                .as("no stack trace in the log:%n%s", log).isEmpty();
    }
}
