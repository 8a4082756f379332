package io.freecast.catalog.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A {@code SELECT} of a fixed shape whose SQL jOOQ renders once, from the generated table and column
 * constants, and which then runs as plain JDBC: values bound by position, rows read by position (see
 * {@link ResultSetRows}), the prepared statement from {@link ReadStatements}. Each run still reports
 * itself to the statement listeners, like a jOOQ query.
 *
 * <p>Why not a jOOQ query per request: rendering the SQL anew, preparing it and building a jOOQ record
 * per row took most of a read request's CPU. The values that change between runs are the statement's
 * named {@linkplain #parameter parameters}; everything else is in the text, so a query whose shape
 * varies (a sort, a cursor, a search) is one rendered statement per shape.
 *
 * <p>Values are bound the way jOOQ binds them, so comparisons behave the same: on SQLite a date is ISO
 * text, as it is stored; PostgreSQL's driver takes {@code java.time} values as they are.
 */
final class RenderedSelect {

    /** Reads the whole result of one run. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static final String PREFIX = "catalog_";
    private static final Pattern NAMED = Pattern.compile(":" + PREFIX + "([a-z0-9_]+)");

    /** The statement's text with {@code ?} placeholders, and for each, the index of its value. */
    private record Rendered(String sql, int[] valueIndexes) {
    }

    private final DSLContext dsl;
    private final ReadStatements statements;
    private final List<String> parameters;
    private final ValueBinder binder;
    private final OnFirstUse<Rendered> rendered;

    /**
     * @param select     builds the query, whose bind values are all {@link #parameter}s named in
     *                   {@code parameters}; called once, when the statement first runs (so that opening a
     *                   store renders nothing: that would lengthen every cold start)
     * @param parameters the parameters' names, in the order {@link #query} is given their values
     */
    RenderedSelect(DSLContext dsl, ReadStatements statements, Supplier<Select<?>> select, List<String> parameters) {
        this.dsl = dsl;
        this.statements = statements;
        this.parameters = List.copyOf(parameters);
        this.binder = DatabaseKind.of(dsl).binder();
        this.rendered = new OnFirstUse<>(() -> render(select.get()));
    }

    private Rendered render(Select<?> query) {
        String named = dsl.renderNamedParams(query);
        Matcher matcher = NAMED.matcher(named);
        StringBuilder positional = new StringBuilder();
        List<Integer> indexes = new ArrayList<>();
        while (matcher.find()) {
            int index = parameters.indexOf(matcher.group(1));
            if (index < 0) {
                throw new IllegalArgumentException("parameter " + matcher.group(1) + " is not among " + parameters);
            }
            indexes.add(index);
            matcher.appendReplacement(positional, "?");
        }
        matcher.appendTail(positional);
        if (indexes.size() != query.getBindValues().size()) {
            throw new IllegalArgumentException("only named parameters may be bound in " + named);
        }
        return new Rendered(positional.toString(), indexes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A value given when the statement runs; {@code name} is lower case, digits and {@code _}. */
    static <T> Param<T> parameter(String name, DataType<T> type) {
        return DSL.param(PREFIX + name, type);
    }

    /** An id given when the statement runs. */
    static Param<Long> id(String name) {
        return DSL.param(PREFIX + name, SQLDataType.BIGINT);
    }

    /** Runs the statement on the store's connection (the current transaction's, if any). */
    <T> T query(Reader<T> reader, Object... values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException("this statement takes " + parameters.size() + " values, got "
                    + values.length);
        }
        Rendered statementText = rendered.get();
        String sql = statementText.sql();
        int[] valueIndexes = statementText.valueIndexes();
        return dsl.connectionResult(connection -> statements.use(connection, sql, prepared -> {
            PreparedStatement statement = prepared.statement();
            for (int i = 0; i < valueIndexes.length; i++) {
                bind(statement, i + 1, values[valueIndexes[i]]);
            }
            StatementListener.report(dsl.configuration(), sql);
            try (ResultSet rows = prepared.executeQuery()) {
                return reader.read(rows);
            }
        }));
    }

    private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            throw new IllegalArgumentException("a parameter of " + rendered.get().sql() + " is null");
        }
        binder.bind(statement, index, value, java.sql.Types.OTHER);
    }
}
