package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subtree mounted next to the API gets its requests, and only those, without the API's headers. */
class MountedSubtreeIT {

    @TempDir
    Path dir;

    @Test
    void theMountedHandlerAnswersItsSubtreeAndTheApiTheRest() {
        try (var database = TestDatabases.sqlite(dir); JdbcCatalogStore store = database.open();
             CatalogHttpServer server = CatalogHttpServer.create(store.ports().queries(), config -> config.port(0)
                     .mount("/admin/", HandlerServer.text("the admin"))).start()) {
            ApiClient api = new ApiClient(server.baseUri());

            ApiClient.Answer admin = api.get("/admin/movies");
            assertThat(admin.text()).isEqualTo("the admin");
            assertThat(admin.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(api.get("/movies/").status()).isEqualTo(200);
            assertThat(api.get("/adminx").status()).isEqualTo(404);
        }
    }

    @Test
    void aMountThatWouldHideApiRoutesIsRefused() {
        try (var database = TestDatabases.sqlite(dir); JdbcCatalogStore store = database.open()) {
            assertThatThrownBy(() -> CatalogHttpServer.create(store.ports().queries(), config -> config
                    .mount("/movies/", HandlerServer.text("x"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/movies/");
            assertThatThrownBy(() -> CatalogHttpServer.create(store.ports().queries(), config -> config
                    .mount("admin", HandlerServer.text("x"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/admin/");
        }
    }
}
