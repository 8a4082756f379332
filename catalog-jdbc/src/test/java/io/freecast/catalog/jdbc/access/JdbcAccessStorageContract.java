package io.freecast.catalog.jdbc.access;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.testing.contract.AccessStorageContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The accounts and tokens contract on a real database; a subclass names which. */
abstract class JdbcAccessStorageContract extends AccessStorageContract {

    @TempDir
    Path dir;

    private TestDatabase db;

    abstract TestDatabase newDatabase(Path dir);

    @Override
    protected CatalogStore openStore(Clock clock) {
        db = newDatabase(dir);
        return db.open(b -> b.clock(clock));
    }

    @Override
    protected void closeStore() {
        db.close();
    }

    /** Every column of every row of the account and api_token tables, read with plain JDBC. */
    @Override
    protected String rawAccessTables() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (String table : List.of("account", "api_token")) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(rows.getString(i)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
