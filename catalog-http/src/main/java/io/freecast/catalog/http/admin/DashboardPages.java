package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.in.TaskAdministration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The dashboard: the catalog's size, every task's state, and the latest failed runs. */
final class DashboardPages {

    /** How far back in each task's history the dashboard looks for failures. */
    private static final int RECENT_RUNS = 20;
    private static final int FAILED_SHOWN = 8;

    private final PageContext pages;
    private final CatalogOverview overview;
    private final TaskAdministration tasks;

    DashboardPages(PageContext pages, CatalogOverview overview, TaskAdministration tasks) {
        this.pages = pages;
        this.overview = overview;
        this.tasks = tasks;
    }

    void register(AdminRoutes routes) {
        routes.get("/", this::dashboard);
    }

    private AdminResponse dashboard(AdminRequest request) {
        Map<String, Object> model = pages.model(request, "Dashboard", "dashboard");
        List<TaskOverview> overviews = tasks.listTasks();
        model.put("counts", overview.counts());
        model.put("tasks", overviews);
        model.put("failedRuns", latestFailed(overviews));
        return pages.page("dashboard.jte", model);
    }

    private List<TaskRun> latestFailed(List<TaskOverview> overviews) {
        List<TaskRun> failed = new ArrayList<>();
        for (TaskOverview task : overviews) {
            tasks.listRuns(task.task(), PageRequest.first(RECENT_RUNS)).items().stream()
                    .filter(run -> run.status() == TaskStatus.FAILED || run.status() == TaskStatus.INTERRUPTED)
                    .forEach(failed::add);
        }
        failed.sort(Comparator.comparing(TaskRun::startedAt).reversed());
        return failed.subList(0, Math.min(FAILED_SHOWN, failed.size()));
    }
}
