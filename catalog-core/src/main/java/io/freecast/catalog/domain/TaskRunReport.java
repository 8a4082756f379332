package io.freecast.catalog.domain;

import java.util.List;
import java.util.Objects;

/**
 * One recorded run with everything its report kept: the run (counts, error) and the rejected items with
 * their reasons and the notes, as the run log stored them (the first rejections only; the count says how
 * many there were).
 */
public record TaskRunReport(TaskRun run, List<Rejection> rejections, List<String> notes) {

    public TaskRunReport {
        Objects.requireNonNull(run, "run");
        rejections = List.copyOf(rejections);
        notes = List.copyOf(notes);
    }
}
