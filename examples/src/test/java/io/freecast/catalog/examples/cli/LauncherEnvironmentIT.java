package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.testing.CatalogTables;
import io.freecast.catalog.examples.testing.LauncherProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import commands' environment variables, in a real child process (flags win over them). */
class LauncherEnvironmentIT {

    @TempDir
    Path dir;

    @Test
    void importShowsTakesDatabaseFeedAndPlaceholdersFromTheEnvironmentAndFlagsWin() throws Exception {
        Path feed = Files.writeString(dir.resolve("shows.json"), "[{\"id\": 1, \"name\": \"No seasons\"}]");
        Path db = dir.resolve("env.db");
        Map<String, String> env = Map.of("CATALOG_DB", db.toString(), "CATALOG_SHOWS_FEED", feed.toString(),
                "CATALOG_PLACEHOLDERS", "false");

        LauncherProcess withoutPlaceholders = LauncherProcess.start(dir, env, "import-shows");
        assertThat(withoutPlaceholders.waitFor()).as(withoutPlaceholders.err()).isZero();
        assertThat(withoutPlaceholders.out()).containsPattern("\\n  read +1\\n").containsPattern("\\n  created +1\\n");
        assertThat(CatalogTables.count("jdbc:sqlite:" + db, "season")).isZero();

        LauncherProcess flagWins = LauncherProcess.start(dir, env, "import-shows", "--placeholders");
        assertThat(flagWins.waitFor()).as(flagWins.err()).isZero();
        assertThat(flagWins.out()).containsPattern("\\n  created +0\\n").containsPattern("\\n  updated +1\\n");
        assertThat(CatalogTables.count("jdbc:sqlite:" + db, "season")).isEqualTo(2);
    }

    @Test
    void aBadEnvironmentValueIsAUsageError() throws Exception {
        LauncherProcess run = LauncherProcess.start(dir, Map.of("CATALOG_PLACEHOLDERS", "maybe",
                "CATALOG_DB", dir.resolve("x.db").toString()), "import-shows");
        assertThat(run.waitFor()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("maybe");
        assertThat(run.out()).isEmpty();
    }
}
