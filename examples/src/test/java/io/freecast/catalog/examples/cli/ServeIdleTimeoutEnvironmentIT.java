package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.testing.LauncherProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CATALOG_ADMIN_IDLE_TIMEOUT in a real child process: a bad value stops serve before it opens anything. */
class ServeIdleTimeoutEnvironmentIT {

    @TempDir
    Path dir;

    @Test
    void aBadEnvironmentValueIsAUsageErrorNamingTheVariable() throws Exception {
        Path db = dir.resolve("never.db");
        LauncherProcess run = LauncherProcess.start(dir, Map.of("CATALOG_ADMIN_IDLE_TIMEOUT", "48h",
                "CATALOG_DB", db.toString()), "serve", "--port", "0", "--no-scheduler");
        assertThat(run.waitFor()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--idle-timeout / CATALOG_ADMIN_IDLE_TIMEOUT must be between 1m and 24h", "48h");
        assertThat(run.out()).doesNotContain("catalog API on");
        assertThat(db).doesNotExist();
    }
}
