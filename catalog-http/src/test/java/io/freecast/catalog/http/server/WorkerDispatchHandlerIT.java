package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerDispatchHandlerIT {

    @Test
    void theNextHandlerRunsOnAWorkerNotOnAnIoThread() {
        try (HandlerServer server = HandlerServer.serving(new WorkerDispatchHandler(
                HandlerServer.describing(exchange -> "io thread: " + exchange.isInIoThread())))) {
            assertThat(server.api.get("/").text()).isEqualTo("io thread: false");
        }
    }

    @Test
    void withoutItTheSameHandlerWouldRunOnTheIoThread() {
        try (HandlerServer server = HandlerServer.serving(
                HandlerServer.describing(exchange -> "io thread: " + exchange.isInIoThread()))) {
            assertThat(server.api.get("/").text()).isEqualTo("io thread: true");
        }
    }
}
