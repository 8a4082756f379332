package io.freecast.catalog.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar catalog.jar <command>}: the runnable catalog. Each subcommand is its own class;
 * register new ones in {@link #COMMANDS}.
 */
@Command(name = "catalog",
        mixinStandardHelpOptions = true,
        versionProvider = CatalogCli.Version.class,
        description = "A media catalog: import feeds, refresh ratings, check stream links, serve a JSON API.")
public final class CatalogCli {

    /** Every subcommand by name, in the order {@code --help} lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("help", CommandLine.HelpCommand::new);
        COMMANDS.put("migrate", MigrateCommand::new);
        COMMANDS.put("import-shows", ImportShowsCommand::new);
        COMMANDS.put("import-movies", ImportMoviesCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("update-ratings", UpdateRatingsCommand::new);
        COMMANDS.put("validate-sources", ValidateSourcesCommand::new);
        COMMANDS.put("tasks", TasksCommand::new);
        COMMANDS.put("users", UsersCommand::new);
        COMMANDS.put("tokens", TokensCommand::new);
    }

    public static void main(String[] args) {
        LoggingStart.begin();
        if (args.length > 0 && args[0].equals("serve")) {
            // On a thread of its own from the start, so not even its classes load on the main thread.
            Thread.ofPlatform().daemon().name("catalog-serve-warm-up").start(() -> ServeWarmUp.runEarly());
        }
        CommandLine cli = commandLine(args);
        LoggingStart.awaitReady();
        System.exit(cli.execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting: what tests call. */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The whole command line, every subcommand included. */
    static CommandLine commandLine() {
        return configure(withSubcommands(COMMANDS.keySet()));
    }

    /**
     * The command line for these arguments. Picocli reflects over every option of every subcommand it is
     * given, which was a tenth of a cold {@code serve} start: when the first argument names a subcommand,
     * only that one is built. Anything else (no command, {@code help}, {@code --version}, a typo) gets them
     * all, so help and "did you mean" suggestions stay complete.
     */
    static CommandLine commandLine(String... args) {
        boolean namesOne = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help");
        return configure(withSubcommands(namesOne ? List.of(args[0]) : COMMANDS.keySet()));
    }

    private static CommandLine withSubcommands(Iterable<String> names) {
        CommandLine cli = new CommandLine(new CatalogCli());
        for (String name : names) {
            cli.addSubcommand(name, COMMANDS.get(name).get());
        }
        return cli;
    }

    private static CommandLine configure(CommandLine cli) {
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
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : LauncherTerms.translate(e.getMessage());
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
