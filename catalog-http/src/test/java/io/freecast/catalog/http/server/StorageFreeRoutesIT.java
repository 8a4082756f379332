package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.port.out.StorageHealth;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The routes that need no storage run on threads of their own ({@link StorageFreeRoutes}): with every worker
 * held by a request that waits (as on a database gone away), they still answer.
 */
class StorageFreeRoutesIT {

    private static final int WORKERS = 2;

    @Test
    void landingPageDocsOpenApiMetricsAndHealthAnswerWhileEveryWorkerWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(WORKERS);
        InMemoryCatalogStore store = InMemoryCatalogStore.create();
        try (CatalogHttpServer server = CatalogHttpServer.create(store.ports().queries(), config -> config
                .host("127.0.0.1").port(0).workerThreads(WORKERS)
                .healthCheck(() -> new StorageHealth(true, "in memory"))
                .routes(routes -> routes.get("/waits", request -> {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ApiResponse.json(200, "released");
                }))).start()) {
            ApiClient api = new ApiClient(server.baseUri());
            List<CompletableFuture<ApiClient.Answer>> waiting = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                waiting.add(CompletableFuture.supplyAsync(() -> api.get("/waits")));
            }
            assertThat(held.await(10, TimeUnit.SECONDS)).as("every worker holds a waiting request").isTrue();
            try {
                for (String path : List.of("/", "/docs", "/docs/", "/openapi.json", "/metrics", "/health", "/health/")) {
                    assertThat(api.get(path).status()).as(path).isEqualTo(200);
                }
            } finally {
                release.countDown();
            }
            for (CompletableFuture<ApiClient.Answer> request : waiting) {
                assertThat(request.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        }
    }
}
