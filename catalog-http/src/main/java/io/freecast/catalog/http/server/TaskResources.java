package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.in.TaskAlreadyRunningException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The task routes: {@code GET /tasks}, {@code GET /tasks/{name}}, {@code GET /tasks/{name}/runs} (paged
 * like every list) and {@code POST /tasks/{name}/runs}, which starts a run.
 *
 * <p>Reading is open, like the rest of the API. Starting a run needs {@code Authorization: Bearer <token>}
 * with the administration token the composition root passes in (read from wherever it keeps secrets);
 * there is no default. Without a configured token every trigger is refused
 * (403), so a server is never left open by omission; a missing or wrong token is a 401 with
 * {@code WWW-Authenticate}. Tokens are compared in constant time (as SHA-256 digests, so not even the
 * length leaks).
 *
 * <pre>{@code
 * CatalogHttpServer.create(catalog.queries(), config -> config
 *         .routes(new TaskResources(catalog.tasks(), adminToken)::register));
 * }</pre>
 */
public final class TaskResources {

    static final String BEARER_CHALLENGE = "Bearer realm=\"catalog\"";

    private final TaskAdministration tasks;
    private final byte[] tokenDigest;
    private final BearerAuthentication authentication;

    /**
     * Triggers need a single administration token, compared here.
     *
     * @param adminToken the token a trigger must present; {@code null} or blank refuses every trigger
     */
    public TaskResources(TaskAdministration tasks, String adminToken) {
        this.tasks = java.util.Objects.requireNonNull(tasks, "tasks");
        this.tokenDigest = adminToken == null || adminToken.isBlank() ? null : sha256(adminToken.strip());
        this.authentication = null;
    }

    /**
     * Triggers need a bearer token with the {@code admin} scope, as {@code authentication} decides: an
     * account's API token or the bootstrap token the catalog was built with (401 without or with a bad
     * one, throttled per client address with 429; 403 for a smaller scope).
     */
    public TaskResources(TaskAdministration tasks, Authentication authentication) {
        this.tasks = java.util.Objects.requireNonNull(tasks, "tasks");
        this.tokenDigest = null;
        this.authentication = new BearerAuthentication(java.util.Objects.requireNonNull(authentication, "authentication"));
    }

    /** Registers the routes; pass as {@code config.routes(resources::register)}. */
    public void register(ApiRoutes routes) {
        routes.get("/tasks", this::list)
                .get("/tasks/{name}", this::one)
                .get("/tasks/{name}/runs", this::runs)
                .get("/tasks/{name}/runs/{id}", this::oneRun)
                .post("/tasks/{name}/runs", this::trigger);
    }

    /** How far back {@code GET /tasks/{name}/runs/{id}} looks: the run log is read newest first. */
    static final int RUNS_SEARCHED = 5_000;
    /** How long a trigger waits for its run to be recorded, to name it in {@code Location}. */
    static final Duration RECORD_WAIT = Duration.ofSeconds(2);

    ApiResponse oneRun(ApiRequest request) {
        TaskName task = task(request);
        long id = request.idParameter("id");
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        for (int searched = 0; searched < RUNS_SEARCHED; searched += PageRequest.MAX_LIMIT) {
            Page<TaskRun> runs = tasks.listRuns(task, page);
            for (TaskRun run : runs.items()) {
                if (run.id() == id) {
                    return ApiResponse.json(TaskJson.run(run)).caching(ApiResponse.Caching.NO_STORE);
                }
            }
            if (runs.nextCursor().isEmpty()) {
                break;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, runs.nextCursor().get());
        }
        throw ApiProblem.notFound("no run " + id + " of " + task.wireName() + " among its latest " + RUNS_SEARCHED);
    }

    ApiResponse list(ApiRequest request) {
        List<Map<String, Object>> body = tasks.listTasks().stream().map(TaskJson::overview).toList();
        return ApiResponse.json(body).caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse one(ApiRequest request) {
        return ApiResponse.json(TaskJson.overview(tasks.getTask(task(request)))).caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse runs(ApiRequest request) {
        TaskName task = task(request);
        PageRequest pageRequest = ListParameters.page(request);
        Page<TaskRun> page;
        try {
            page = tasks.listRuns(task, pageRequest);
        } catch (IllegalArgumentException e) {
            // A cursor from another list decodes but does not fit this one.
            throw ApiProblem.badParameter(ListParameters.CURSOR, e.getMessage());
        }
        return Paging.respond(request, page, page.items().stream().map(TaskJson::run).toList(),
                ListParameters.shaping(request, ListParameters.LIMIT)).caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse trigger(ApiRequest request) {
        authorize(request);
        TaskName task = task(request);
        long newestBefore = newestRunId(task);
        try {
            tasks.startNow(task);
        } catch (TaskAlreadyRunningException e) {
            throw ApiProblem.of(409, e.getMessage());
        }
        String runs = "/tasks/" + task.wireName() + "/runs";
        Optional<TaskRun> run = awaitRecord(task, newestBefore);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", task.wireName());
        body.put("status", "started");
        body.put("runs", runs);
        body.put("run", run.map(TaskJson::run).orElse(null));
        return ApiResponse.json(202, body)
                .header("Location", run.map(r -> runs + "/" + r.id()).orElse(runs))
                .caching(ApiResponse.Caching.NO_STORE);
    }

    private long newestRunId(TaskName task) {
        List<TaskRun> newest = tasks.listRuns(task, PageRequest.first(1)).items();
        return newest.isEmpty() ? 0 : newest.getFirst().id();
    }

    /**
     * The run a trigger started, once the run log has it (its first act): the newest run newer than the
     * newest before the trigger. While it runs this node holds the task's lease, so no other run of the task
     * can start in between. Empty if it is not recorded within {@link #RECORD_WAIT} (the answer then names
     * the runs list).
     */
    private Optional<TaskRun> awaitRecord(TaskName task, long newestBefore) {
        long deadline = System.nanoTime() + RECORD_WAIT.toNanos();
        do {
            List<TaskRun> newest = tasks.listRuns(task, PageRequest.first(1)).items();
            if (!newest.isEmpty() && newest.getFirst().id() > newestBefore) {
                return Optional.of(newest.getFirst());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    private void authorize(ApiRequest request) {
        if (authentication != null) {
            authentication.require(request, io.freecast.catalog.domain.Scope.ADMIN);
            return;
        }
        if (tokenDigest == null) {
            throw ApiProblem.of(403, "starting tasks over HTTP is switched off: the server has no administration "
                    + "token; configure one to allow it for clients that present that token");
        }
        Optional<String> presented = request.header("Authorization").flatMap(TaskResources::bearerToken);
        if (presented.isEmpty()) {
            throw unauthorized("send the administration token as 'Authorization: Bearer <token>'");
        }
        if (!MessageDigest.isEqual(tokenDigest, sha256(presented.get()))) {
            throw unauthorized("the bearer token is not the administration token");
        }
    }

    private static ApiProblem unauthorized(String detail) {
        return ApiProblem.of(401, detail).header("WWW-Authenticate", BEARER_CHALLENGE);
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive). */
    static Optional<String> bearerToken(String header) {
        String value = header.strip();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static TaskName task(ApiRequest request) {
        String name = request.pathParameter("name");
        try {
            return TaskName.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no task " + Quoting.quote(name)
                    + "; the tasks are " + TaskName.allWireNames());
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
