package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public Java API as an embedder writes it: this test exists to show that it compiles and reads well. */
class EmbeddingExampleIT {

    @Test
    void embedTheApiInAnApplication(@TempDir Path dir) {
        try (Catalog catalog = Catalog.builder().storage(JdbcCatalogStore.open(dir.resolve("catalog.db").toString())).build();
             CatalogHttpServer server = CatalogHttpServer.create(catalog.queries(), config -> config
                     .host("127.0.0.1")
                     .port(0)
                     .healthCheck(catalog::health)
                     .cacheMaxAge(Duration.ofSeconds(30))
                     .responseCacheTtl(Duration.ofSeconds(1))
                     .routes(routes -> routes.get("/version", request -> ApiResponse.json(Map.of("version", "1")))))) {
            server.start();

            ApiClient api = new ApiClient(server.baseUri());
            assertThat(api.get("/version").json().get("version").asText()).isEqualTo("1");
            assertThat(api.get("/movies/").json().isArray()).isTrue();
            assertThat(api.get("/health").json().at("/checks/database/status").asText()).isEqualTo("up");
        }
    }
}
