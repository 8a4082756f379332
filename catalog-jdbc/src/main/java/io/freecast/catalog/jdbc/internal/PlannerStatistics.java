package io.freecast.catalog.jdbc.internal;

import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The planner statistics of the tables a bulk write (an import) changed much, refreshed once it has committed.
 *
 * <p><b>PostgreSQL</b> plans from statistics that only {@code ANALYZE} gathers. Autovacuum runs it within a minute
 * of a large change — where it is on; on a server where it is off (or before it gets there) a freshly imported
 * table has none, and its plans are guesses: 200,000 movies imported into new tables served list pages at
 * 10 requests/s instead of over 1,000 (README, "Scale: a million titles"). So after a bulk write the store analyses
 * the tables of the catalog's schema that the write changed by more than <em>autovacuum's own rule</em>: rows
 * changed since the table was last analysed (this transaction's, counted by the server in
 * {@code pg_stat_xact_user_tables}, plus the earlier ones in {@code n_mod_since_analyze}) above
 * {@code autovacuum_analyze_threshold + autovacuum_analyze_scale_factor × reltuples} (defaults 50 and 0.1; the
 * server's settings and the table's own storage parameters are honoured). Why that rule: it is the one
 * PostgreSQL applies to decide that statistics have gone stale, and operators tune it there; where autovacuum is
 * on, the store only does a minute sooner what autovacuum was about to do (and autovacuum then finds nothing to
 * do), and where it is off, imports still leave usable statistics. A re-import that changes nothing, or a few
 * titles added to a large catalog, analyses nothing; 10% of a table's rows, or the first rows of a new one, do.
 * (Counting the server's figures instead of the repositories' own covers every write path, and a table written
 * by a later change of the schema, without a line here.) It relies on {@code track_counts}, on by default and
 * needed by autovacuum itself: with it off the server counts nothing and nothing is analysed.
 *
 * <p>{@code ANALYZE} runs on a connection of its own in auto-commit, after the commit: never inside the import's
 * transaction (it would hold the import's locks longer, and a failure would roll the import back). It samples a
 * fixed number of rows (300 × {@code default_statistics_target}), so it takes about a second even for a table of
 * millions. A table it could not analyse (no privilege: the server only warns; a lock or a failure) is reported,
 * and the import stays as committed.
 *
 * <p><b>SQLite</b> gets nothing: its read path's plans are chosen by its planner's rules without statistics, and
 * the plan tests hold them so. With {@code sqlite_stat1} (what {@code ANALYZE} or {@code PRAGMA optimize} writes;
 * no histograms in this build) it sees two values of {@code is_active} and takes each for half the table: on
 * 200,000 movies and 20,000 shows the dead-link count became a scan of all 1.3 million sources (0.26 → 117 ms),
 * and pages among unknown values of a nullable sort walked the primary key instead of their index range.
 */
final class PlannerStatistics {

    /** One table the bulk write changed, with what the rule needs. */
    record TableWrites(String schema, String table, long written, long changedBefore, double threshold) {

        /** Autovacuum's rule: more rows changed since the last analysis than the threshold. */
        boolean due() {
            return written + changedBefore > threshold;
        }
    }

    /**
     * The rows each table of the schema was changed by, as the server counts them for this connection and not
     * yet in {@code pg_stat_user_tables}: read when a bulk transaction begins and subtracted when it ends. A
     * backend sends its counts on at most once a second, when idle, and until then {@code pg_stat_xact_user_tables}
     * adds its earlier transactions' to the current one's: a pooled connection that imported a moment before would
     * count that import twice (seen in {@code PostgresPlannerStatisticsIT}: 2,020 rows "written" by an import of 20).
     */
    record Baseline(Map<Long, Long> changedByTable) {
    }

    private static final String CHANGED = """
            SELECT relid, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables
            WHERE schemaname = current_schema() AND n_tup_ins + n_tup_upd + n_tup_del > 0""";

    /**
     * The tables of the schema changed on this connection and not yet sent on, as the server counted them, with
     * the rows changed before since their last analysis and autovacuum's threshold for each. {@code reltuples} is
     * -1 until a table is first vacuumed or analysed; autovacuum takes that as 0, and so does this.
     */
    private static final String WRITTEN = """
            SELECT x.relid, x.schemaname, x.relname, x.n_tup_ins + x.n_tup_upd + x.n_tup_del,
                   coalesce(s.n_mod_since_analyze, 0),
                   coalesce((SELECT o.option_value::float8 FROM pg_options_to_table(c.reloptions) o
                             WHERE o.option_name = 'autovacuum_analyze_threshold'),
                            current_setting('autovacuum_analyze_threshold')::float8)
                   + coalesce((SELECT o.option_value::float8 FROM pg_options_to_table(c.reloptions) o
                               WHERE o.option_name = 'autovacuum_analyze_scale_factor'),
                              current_setting('autovacuum_analyze_scale_factor')::float8)
                     * greatest(c.reltuples, 0)
            FROM pg_stat_xact_user_tables x
            JOIN pg_class c ON c.oid = x.relid
            LEFT JOIN pg_stat_user_tables s ON s.relid = x.relid
            WHERE x.schemaname = current_schema() AND x.n_tup_ins + x.n_tup_upd + x.n_tup_del > 0
            ORDER BY x.relname""";

    private final boolean refreshes;
    /** Whether the server has {@code pg_stat_force_next_flush()} (PostgreSQL 15 and later); asked once. */
    private volatile Boolean flushesOnRequest;

    /** An ANALYZE of a large table may take longer than an ordinary round trip may wait. */
    private final AnswerTimeouts answers;

    PlannerStatistics(DatabaseKind kind, AnswerTimeouts answers) {
        this.answers = answers;
        this.refreshes = kind.analysesAfterBulkWrites();
    }

    /** Call first thing in the transaction open on {@code dsl}'s thread; empty where nothing is refreshed. */
    Baseline beforeBulkWrite(DSLContext dsl) {
        if (!refreshes) {
            return new Baseline(Map.of());
        }
        Map<Long, Long> changed = new HashMap<>();
        dsl.resultQuery(CHANGED).forEach(row -> changed.put(row.get(0, Long.class), row.get(1, Long.class)));
        return new Baseline(changed);
    }

    /**
     * What the transaction open on {@code dsl}'s thread wrote since {@code baseline}: call it at the end of its
     * work, before it commits (afterwards the counts are no longer the transaction's). Empty where nothing is
     * refreshed.
     */
    List<TableWrites> writtenInThisTransaction(DSLContext dsl, Baseline baseline) {
        if (!refreshes) {
            return List.of();
        }
        if (flushesOnRequest(dsl)) {
            // The commit then sends this connection's counts on before it returns, so the ANALYZE that follows
            // resets n_mod_since_analyze after they arrived, not before: otherwise they could land a moment after
            // it, and the next import would count this one's rows as changed since the last analysis.
            dsl.resultQuery("SELECT pg_stat_force_next_flush()").fetch();
        }
        List<TableWrites> written = new ArrayList<>();
        dsl.resultQuery(WRITTEN).forEach(row -> {
            long rows = row.get(3, Long.class) - baseline.changedByTable().getOrDefault(row.get(0, Long.class), 0L);
            if (rows > 0) {
                written.add(new TableWrites(row.get(1, String.class), row.get(2, String.class), rows,
                        row.get(4, Long.class), row.get(5, Double.class)));
            }
        });
        return written;
    }

    private boolean flushesOnRequest(DSLContext dsl) {
        Boolean known = flushesOnRequest;
        if (known == null) {
            known = dsl.connectionResult(connection -> connection.getMetaData().getDatabaseMajorVersion() >= 15);
            flushesOnRequest = known;
        }
        return known;
    }

    /**
     * Analyses the tables that are due, after the commit, on a connection of {@code own} (never the import's), and
     * tells {@code upkeep} which it analysed and which it could not. Tells nothing when none was due.
     */
    void refresh(DSLContext own, List<TableWrites> written, Consumer<String> upkeep) {
        List<TableWrites> due = written.stream().filter(TableWrites::due).toList();
        if (due.isEmpty()) {
            return;
        }
        List<String> analysed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        long started = System.nanoTime();
        for (TableWrites table : due) {
            String failure = analyse(own, table);
            String described = table.table() + " (" + String.format(Locale.ROOT, "%,d", table.written()) + " rows written)";
            if (failure == null) {
                analysed.add(described);
            } else {
                failed.add(table.table() + ": " + failure);
            }
        }
        String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
        if (!analysed.isEmpty()) {
            upkeep.accept("PostgreSQL planner statistics refreshed (ANALYZE, " + took + ") for the tables this import "
                    + "changed beyond autovacuum's threshold: " + String.join(", ", analysed));
        }
        if (!failed.isEmpty()) {
            upkeep.accept("PostgreSQL planner statistics NOT refreshed after this import (the import is kept): "
                    + String.join("; ", failed) + "; until ANALYZE runs on them (autovacuum's or an operator's), "
                    + "plans on them may be slow");
        }
    }

    /** ANALYZE of one table; null when it was analysed, else why not (one line). */
    private String analyse(DSLContext own, TableWrites table) {
        String sql = "ANALYZE " + own.render(DSL.name(table.schema(), table.table()));
        try {
            return own.connectionResult(connection -> {
                StatementListener.report(own.configuration(), sql);
                return answers.withLongWork(connection, () -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                        // A table the user does not own is skipped with a warning, not an error.
                        SQLWarning warning = statement.getWarnings();
                        return warning == null ? null : oneLine(warning.getMessage());
                    }
                });
            });
        } catch (RuntimeException e) {
            return failureLine(e);
        }
    }

    /** Why a statement of the after-import upkeep failed, in one line for the import's report. */
    static String failureLine(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return oneLine(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
