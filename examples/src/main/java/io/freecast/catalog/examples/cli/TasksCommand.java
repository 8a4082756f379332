package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.scheduler.CatalogScheduler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code catalog tasks}: each task's schedule, last run (when, where, how it ended) and next run. The
 * last runs come from the run log in the database, so they include runs of every node and every
 * command; the schedule and next run are those {@code serve} uses with the same options.
 */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Show each task's schedule, last run, status and next run (from the shared run log).")
final class TasksCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    SchedulerOptions scheduling;

    /** Read only to know, as serve does, which rating tasks are off (no provider, one, or several). */
    @Mixin
    RatingProviderOptions ratings;

    @Option(names = "--json", description = "Print the tasks as JSON (the fields of GET /tasks).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Catalog catalog = Catalog.builder().storage(openStore()).build()) {
            Map<TaskName, String> unavailable = ratings.unavailableTasks();
            // Not started: it only says what serve's scheduler would do with the same settings.
            CatalogScheduler plan = scheduling.scheduler(catalog, unavailable);
            catalog.attachSchedule(plan);
            List<TaskOverview> tasks = catalog.tasks().listTasks();
            if (json) {
                spec.commandLine().getOut().println(TasksTable.toJson(tasks));
                spec.commandLine().getOut().flush();
            } else {
                TasksTable.print(tasks, spec.commandLine().getOut());
            }
            return ExitCode.OK;
        }
    }

    private JdbcCatalogStore openStore() {
        try {
            return JdbcCatalogStore.open(database.db());
        } catch (CatalogStorageException e) {
            throw LauncherTerms.configurationError(e);
        }
    }
}
