package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageFreeRoutesTest {

    private final StorageFreeRoutes routes = new StorageFreeRoutes();

    @Test
    void theRoutesThatNeedNoStorageWithOrWithoutATrailingSlash() {
        assertThat(routes).accepts("/", "/metrics", "/metrics/", "/openapi.json", "/docs", "/docs/",
                "/docs/swagger-ui.css", "/health", "/health/");
    }

    @Test
    void everythingElseRunsOnTheWorkers() {
        assertThat(routes).rejects("", "/movies/", "/movies/1", "/shows", "/tasks/", "/metrics/x", "/docs/a/b",
                "/healthz", "//metrics", "/%6Detrics", "/admin/", "/" + "a".repeat(10_000));
    }
}
