package io.freecast.catalog.examples.cli;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code catalog migrate}: creates or upgrades the schema and says what it did. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or upgrade the database schema, then exit. Other commands migrate too; "
                + "this one does only that, for deployments that migrate as a separate step.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (JdbcCatalogStore store = CatalogAssembly.openStore(database, false)) {
            spec.commandLine().getOut().println(store.migrate().summary());
        }
        return ExitCode.OK;
    }
}
