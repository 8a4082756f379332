package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher builds only the subcommand it runs, yet help and suggestions still know every command. */
class CatalogCliTest {

    private static final List<String> ALL = List.of("help", "migrate", "import-shows", "import-movies", "serve",
            "update-ratings", "validate-sources", "tasks", "users", "tokens");

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(CatalogCli.commandLine("serve", "--port", "0").getSubcommands()).containsOnlyKeys("serve");
        assertThat(CatalogCli.commandLine("tasks").getSubcommands()).containsOnlyKeys("tasks");
    }

    @Test
    void helpNoCommandAndUnknownCommandsSeeEveryCommand() {
        assertThat(CatalogCli.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(CatalogCli.commandLine(new String[0]).getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(CatalogCli.commandLine("help", "serve").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(CatalogCli.commandLine("--version").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(CatalogCli.commandLine("srve").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(ALL);
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatSuggestsTheRightOne() {
        CliRun run = CliRun.of("srve");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("srve").contains("serve");
    }

    @Test
    void helpForOneCommandShowsItsOptions() {
        CliRun viaHelp = CliRun.of("help", "serve");
        CliRun viaFlag = CliRun.of("serve", "--help");

        assertThat(viaHelp.exitCode()).isZero();
        assertThat(viaFlag.exitCode()).isZero();
        assertThat(viaHelp.out()).contains("--port").contains("--no-scheduler").isEqualTo(viaFlag.out());
    }
}
