package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubtreeHandlerIT {

    @Test
    void theSubtreeAndOnlyItGoesToTheMountedHandler() {
        try (HandlerServer server = HandlerServer.serving(new SubtreeHandler("/admin/",
                HandlerServer.text("admin"), HandlerServer.text("api")))) {
            assertThat(server.api.get("/admin/").text()).isEqualTo("admin");
            assertThat(server.api.get("/admin").text()).isEqualTo("admin");
            assertThat(server.api.get("/admin/movies/1?x=y").text()).isEqualTo("admin");
            assertThat(server.api.get("/administrators").text()).isEqualTo("api");
            assertThat(server.api.get("/movies/").text()).isEqualTo("api");
            assertThat(server.api.get("/").text()).isEqualTo("api");
        }
    }
}
