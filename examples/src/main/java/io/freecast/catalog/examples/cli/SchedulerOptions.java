package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.scheduler.CatalogScheduler;
import io.freecast.catalog.scheduler.RetryPolicy;
import io.freecast.catalog.scheduler.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The scheduler's settings, shared by {@code serve} (which runs it) and {@code tasks} (which shows what
 * it would do): per-task schedules by flag or environment variable, retries and the task lease.
 *
 * <p>Schedules: {@code --schedule update-ratings=5m} or {@code CATALOG_SCHEDULE_UPDATE_RATINGS=5m}
 * (flag wins); values as {@link Schedule#parse(String)} reads them ({@code off}, {@code 3m},
 * {@code 0 *&#47;6 * * *}, {@code startup+24h}).
 */
public final class SchedulerOptions {

    static final String ENV_PREFIX = "CATALOG_SCHEDULE_";
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerOptions.class);

    @Option(names = "--schedule", paramLabel = "TASK=SPEC",
            description = "A task's schedule: off, an interval (90s, 3m, 6h, 1d), a 5-field cron expression "
                    + "('0 */6 * * *'), each optionally prefixed by startup+ (startup+24h). Repeatable. "
                    + "Env: CATALOG_SCHEDULE_<TASK>, e.g. CATALOG_SCHEDULE_UPDATE_RATINGS. "
                    + "Defaults: import-shows and import-movies startup+24h, update-ratings 3m, "
                    + "validate-sources '0 */6 * * *'.")
    List<String> schedules = new ArrayList<>();

    @Option(names = "--task-retries", paramLabel = "N", defaultValue = "${env:CATALOG_TASK_RETRIES:-0}",
            description = "Retries of a failed scheduled run before its next slot, 30 s apart and doubling. "
                    + "Env: CATALOG_TASK_RETRIES. Default: ${DEFAULT-VALUE}")
    int retries;

    @Mixin
    TaskLeaseOption lease;

    /** Checks every setting now, before anything opens. @throws ConfigurationException naming what to fix */
    public void validate() {
        schedules(System::getenv);
        lease.duration();
        if (retries != 0) {
            retryPolicy();
        }
    }

    /** A scheduler for {@code catalog} with these settings, not yet started. */
    public CatalogScheduler scheduler(Catalog catalog) {
        return scheduler(catalog, System::getenv, Map.of());
    }

    /**
     * A scheduler for {@code catalog}, not yet started, that leaves the {@code unavailable} tasks off
     * whatever their schedule says, logging why (a task without its adapter would only fail every time).
     */
    public CatalogScheduler scheduler(Catalog catalog, Map<TaskName, String> unavailable) {
        return scheduler(catalog, System::getenv, unavailable);
    }

    CatalogScheduler scheduler(Catalog catalog, UnaryOperator<String> environment, Map<TaskName, String> unavailable) {
        Map<TaskName, Schedule> configured = schedules(environment);
        unavailable.forEach((task, reason) -> {
            LOG.debug("{} is not scheduled: {}", task, reason);
            configured.put(task, Schedule.off());
        });
        RetryPolicy retry = retries == 0 ? RetryPolicy.none() : retryPolicy();
        return CatalogScheduler.builder(catalog)
                .schedules(configured)
                .retry(retry)
                .lease(lease.duration())
                .build();
    }

    /** The schedules that differ from the defaults: environment first, flags over it. */
    Map<TaskName, Schedule> schedules(UnaryOperator<String> environment) {
        Map<TaskName, Schedule> configured = new EnumMap<>(TaskName.class);
        for (TaskName task : TaskName.values()) {
            String variable = ENV_PREFIX + task.wireName().toUpperCase(Locale.ROOT).replace('-', '_');
            String value = environment.apply(variable);
            if (value != null && !value.isBlank()) {
                configured.put(task, parse(value, variable));
            }
        }
        for (String assignment : schedules) {
            int equals = assignment.indexOf('=');
            if (equals < 1) {
                throw new ConfigurationException("--schedule expects TASK=SPEC (e.g. update-ratings=5m), got '"
                        + abbreviate(assignment) + "'");
            }
            TaskName task;
            try {
                task = TaskName.fromWireName(assignment.substring(0, equals).strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("--schedule: " + e.getMessage(), e);
            }
            configured.put(task, parse(assignment.substring(equals + 1), "--schedule " + task.wireName()));
        }
        return configured;
    }

    private static Schedule parse(String spec, String source) {
        try {
            return Schedule.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + ": " + e.getMessage(), e);
        }
    }

    private RetryPolicy retryPolicy() {
        try {
            return RetryPolicy.exponential(retries, Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--task-retries / CATALOG_TASK_RETRIES: " + e.getMessage(), e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
