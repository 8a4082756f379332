package io.freecast.catalog.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar catalog.jar <command>}: the runnable catalog. Each subcommand is its own class;
 * register new ones in {@code subcommands} below.
 */
@Command(name = "catalog",
        mixinStandardHelpOptions = true,
        versionProvider = CatalogCli.Version.class,
        description = "A media catalog: import feeds, refresh ratings, check stream links, serve a JSON API.",
        subcommands = {
            CommandLine.HelpCommand.class,
            MigrateCommand.class,
            ImportShowsCommand.class,
            ImportMoviesCommand.class,
            ServeCommand.class,
            UpdateRatingsCommand.class,
            ValidateSourcesCommand.class,
            TasksCommand.class,
        })
public final class CatalogCli {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting: what tests call. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CatalogCli());
        cli.setExecutionExceptionHandler(CatalogCli::handleFailure);
        cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(ExitCode.FAILED);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /**
     * A configuration problem is the user's to fix: one line and exit 2. Anything else escaped a task
     * that should have turned it into a failed report: one line and exit 1 (the stack trace goes to the
     * log, not the terminal).
     */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigurationException || e instanceof IllegalArgumentException) {
            cli.getErr().println("catalog: " + oneLine(e));
            return ExitCode.USAGE;
        }
        org.slf4j.LoggerFactory.getLogger(CatalogCli.class).debug("command failed", e);
        cli.getErr().println("catalog: " + oneLine(e));
        return ExitCode.FAILED;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The version from the jar's manifest (set by the build), or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CatalogCli.class.getPackage().getImplementationVersion();
            return new String[] {"catalog " + (version == null ? "development" : version)};
        }
    }
}
