package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Page;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectLimitStep;
import org.jooq.impl.DSL;

/**
 * A count that stops one row beyond {@link ListQuery#SEARCH_COUNT_CAP}: what a search, a filtered list and the dead
 * links send as their total. Counting every match costs as much as reading them all, on every page; beyond the
 * cap the list says "more than 1000" instead ({@link Page#UNCOUNTED}), and its pages still lead through every row.
 */
final class CappedCount {

    private CappedCount() {
    }

    /** {@code SELECT count(*) FROM (matches LIMIT cap + 1)}: the number of matches, or cap + 1 for more. */
    static Select<Record1<Long>> of(SelectLimitStep<?> matches) {
        return DSL.select(DSL.count().cast(Long.class))
                .from(matches.limit(DSL.inline(ListQuery.SEARCH_COUNT_CAP + 1)).asTable("matched"));
    }

    /** The total to send for what {@link #of} counted: the count, or {@link Page#UNCOUNTED} beyond the cap. */
    static long total(long counted) {
        return counted > ListQuery.SEARCH_COUNT_CAP ? Page.UNCOUNTED : counted;
    }
}
