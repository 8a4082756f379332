package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskRunReport;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.in.TaskAlreadyRunningException;
import java.util.Map;

/** Tasks: each task's state and run history, a run's full report, and "run now" for admins. */
final class TaskPages {

    private static final int PAGE_SIZE = 25;

    private final PageContext pages;
    private final TaskAdministration tasks;
    private final CatalogOverview overview;

    TaskPages(PageContext pages, TaskAdministration tasks, CatalogOverview overview) {
        this.pages = pages;
        this.tasks = tasks;
        this.overview = overview;
    }

    void register(AdminRoutes routes) {
        routes.get("/tasks", this::list)
                .get("/tasks/{name}", this::history)
                .post("/tasks/{name}/run", Scope.ADMIN, this::runNow)
                .get("/runs/{id}", this::run);
    }

    private AdminResponse list(AdminRequest request) {
        Map<String, Object> model = pages.model(request, "Tasks", "tasks");
        model.put("tasks", tasks.listTasks());
        return pages.page("tasks.jte", model);
    }

    private AdminResponse history(AdminRequest request) {
        TaskName task = task(request);
        Page<TaskRun> runs;
        try {
            String cursor = request.query("cursor");
            runs = tasks.listRuns(task, new PageRequest(PAGE_SIZE,
                    cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        String base = "/tasks/" + task.wireName();
        Map<String, Object> model = pages.model(request, task.wireName(), "tasks");
        model.put("task", tasks.getTask(task));
        model.put("runs", runs.items());
        model.put("total", runs.total());
        model.put("nextUrl", runs.next() == null ? null : pages.url(base + "?cursor=" + runs.next().encode()));
        model.put("previousUrl", runs.previous() == null ? null : pages.url(base + "?cursor=" + runs.previous().encode()));
        return pages.page("task.jte", model);
    }

    private AdminResponse runNow(AdminRequest request) {
        TaskName task = task(request);
        try {
            tasks.startNow(task);
            return pages.redirect(request, "/tasks/" + task.wireName(), task.wireName() + " started.");
        } catch (TaskAlreadyRunningException e) {
            return pages.redirect(request, "/tasks/" + task.wireName(), e.getMessage());
        }
    }

    private AdminResponse run(AdminRequest request) {
        long id = request.id("id");
        TaskRunReport report = overview.findRun(id).orElseThrow(() -> new ItemNotFoundException("task run", id));
        Map<String, Object> model = pages.model(request, report.run().task().wireName() + " run " + id, "tasks");
        model.put("report", report);
        return pages.page("run.jte", model);
    }

    private static TaskName task(AdminRequest request) {
        try {
            return TaskName.fromWireName(request.pathParameter("name"));
        } catch (IllegalArgumentException e) {
            throw new ItemNotFoundException("there is no task by that name");
        }
    }
}
