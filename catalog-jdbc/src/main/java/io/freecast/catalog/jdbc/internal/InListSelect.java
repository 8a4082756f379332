package io.freecast.catalog.jdbc.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Select;

/**
 * A {@link RenderedSelect} over "the rows of these ids" ({@code … IN (?, ?, …)}): rendered once per list
 * length, so a page of 50 always runs the same SQL text (which PostgreSQL's driver also prepares once per
 * connection). Lengths are bounded by the largest page ({@link io.freecast.catalog.domain.PageRequest#MAX_LIMIT}),
 * so there are at most a few hundred texts. An empty list runs nothing (an empty page has no children to read:
 * on PostgreSQL that was a round trip of the three a search for an absent word costs).
 */
final class InListSelect {

    private final DSLContext dsl;
    private final ReadStatements statements;
    private final Function<List<Param<Long>>, Select<?>> select;
    private final Map<Integer, RenderedSelect> byLength = new ConcurrentHashMap<>();

    /** @param select builds the query for a list of id parameters (see {@link RenderedSelect#id}) */
    InListSelect(DSLContext dsl, ReadStatements statements, Function<List<Param<Long>>, Select<?>> select) {
        this.dsl = dsl;
        this.statements = statements;
        this.select = select;
    }

    /** The reader's answer for the rows of these ids; {@code none}, without a statement, for no ids. */
    <T> T query(RenderedSelect.Reader<T> reader, long[] ids, T none) {
        if (ids.length == 0) {
            return none;
        }
        Object[] values = new Object[ids.length];
        for (int i = 0; i < ids.length; i++) {
            values[i] = ids[i];
        }
        return byLength.computeIfAbsent(ids.length, this::render).query(reader, values);
    }

    private RenderedSelect render(int length) {
        List<String> names = IntStream.range(0, length).mapToObj(i -> "id" + i).toList();
        return new RenderedSelect(dsl, statements, () -> select.apply(names.stream().map(RenderedSelect::id).toList()), names);
    }
}
