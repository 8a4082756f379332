package io.freecast.catalog.examples.bench;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Title searches timed through the store, without HTTP (README, "Title search and totals"): for each query, the
 * median time of its first 50-item page (the page and its total, the two statements a request runs) in the given
 * sorts, on one thread, and the statements it ran.
 *
 * <pre>java -cp catalog.jar:test-classes io.freecast.catalog.examples.bench.SearchTimes DB RUNS SORTS QUERY…</pre>
 *
 * {@code DB} is a SQLite file or a PostgreSQL JDBC URL; {@code SORTS} a comma-separated list of sorts as the API
 * names them ({@code id,-title,release_date}); each {@code QUERY} a search text as a client sends it.
 */
public final class SearchTimes {

    private SearchTimes() {
    }

    public static void main(String[] args) {
        String db = args[0];
        int runs = Integer.parseInt(args[1]);
        List<Sort> sorts = Arrays.stream(args[2].split(",")).map(SearchTimes::sort).toList();
        List<String> queries = List.of(args).subList(3, args.length);
        List<String> statements = new CopyOnWriteArrayList<>();
        try (JdbcCatalogStore store = JdbcCatalogStore.builder(db).onStatement(statements::add).open()) {
            System.out.printf("%-20s %-14s %10s %8s %6s%n", "query", "sort", "median us", "total", "items");
            for (String q : queries) {
                for (Sort sort : sorts) {
                    ListQuery query = new ListQuery(sort, q, PageRequest.first(PageRequest.DEFAULT_LIMIT));
                    statements.clear();
                    Page<?> page = store.ports().queries().listMovies(query);
                    List<String> ran = new ArrayList<>(statements);
                    double us = time(runs, () -> store.ports().queries().listMovies(query));
                    System.out.printf("%-20s %-14s %10.0f %8s %6d%n", q, sort.wireName(), us,
                            page.counted() ? Long.toString(page.total()) : ">" + ListQuery.SEARCH_COUNT_CAP,
                            page.items().size());
                    ran.forEach(sql -> System.out.println("      " + sql));
                }
            }
        }
    }

    private static Sort sort(String name) {
        boolean descending = name.startsWith("-");
        String field = descending ? name.substring(1) : name;
        return new Sort(Arrays.stream(SortField.values()).filter(f -> f.name().equalsIgnoreCase(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sort " + name)), descending);
    }

    private static double time(int runs, Runnable r) {
        for (int i = 0; i < Math.max(3, runs / 3); i++) {
            r.run();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1e3;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
