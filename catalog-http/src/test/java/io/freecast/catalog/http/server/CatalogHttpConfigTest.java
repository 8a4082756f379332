package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CatalogHttpConfigTest {

    private static void invalid(Consumer<CatalogHttpConfig> setting, String message) {
        CatalogHttpConfig config = new CatalogHttpConfig();
        setting.accept(config);
        assertThatThrownBy(config::validate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void badSettingsFailWithTheSettingNamed() {
        invalid(c -> c.port(-1), "port must be between 0 and 65535");
        invalid(c -> c.port(70_000), "port must be between 0 and 65535");
        invalid(c -> c.host(" "), "host is required");
        invalid(c -> c.workerThreads(0), "workerThreads");
        invalid(c -> c.ioThreads(0), "ioThreads");
        invalid(c -> c.cacheMaxAge(Duration.ofSeconds(-1)), "cacheMaxAge");
        invalid(c -> c.shutdownTimeout(null), "shutdownTimeout");
        invalid(c -> c.maxRequestTargetLength(10), "maxRequestTargetLength");
    }
}
