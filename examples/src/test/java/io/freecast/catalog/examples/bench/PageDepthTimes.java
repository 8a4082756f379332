package io.freecast.catalog.examples.bench;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Random;

/**
 * The read path's statements timed through the store, without HTTP (README, "Benchmarks"): for every movie
 * sort, the median time of a 50-item page at the list's start, at page 10,000 (a cursor at the 500,000th
 * movie, found once with OFFSET) and among the unknown values (a cursor 1,000 movies before the end); then
 * single-item reads ({@code findMovie}, {@code findEpisodes}) of uniformly random ids, on one thread.
 *
 * <pre>java -cp catalog.jar:test-classes io.freecast.catalog.examples.bench.PageDepthTimes DB [RUNS] [pages,items]</pre>
 *
 * {@code DB} is a SQLite file or a PostgreSQL JDBC URL holding at least 500,000 movies (BenchmarkCatalog
 * writes one).
 */
public final class PageDepthTimes {

    private PageDepthTimes() {
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        int runs = Integer.parseInt(args.length > 1 ? args[1] : "30");
        String only = args.length > 2 ? args[2] : "pages,items";
        boolean pg = db.startsWith("jdbc:postgresql:");
        String url = pg ? db : "jdbc:sqlite:" + db;
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db); Connection c = DriverManager.getConnection(url)) {
            long movies;
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from movie")) { rs.next(); movies = rs.getLong(1); }
            if (only.contains("pages")) {
                System.out.printf("%-18s %10s %12s %12s %12s%n", "sort", "page1 us", "p10000 us", "ratio", "null part us");
                for (SortField f : SortField.forMovies()) {
                    for (boolean desc : new boolean[] {false, true}) {
                        Sort sort = new Sort(f, desc);
                        String col = switch (f) { case ID -> null; case TITLE -> "title_search"; case RELEASE_DATE -> "release_date";
                            case RELEASE_YEAR -> "release_year"; case IMDB_RATING -> "imdb_rating"; case KINOPOISK_RATING -> "kinopoisk_rating"; };
                        double p1 = time(runs, () -> store.ports().queries().listMovies(new ListQuery(sort, null, PageRequest.first(50))));
                        Cursor deep = cursorAt(c, sort, col, 499_999, desc);
                        double pd = time(runs, () -> store.ports().queries().listMovies(new ListQuery(sort, null, new PageRequest(50, deep))));
                        double pn = Double.NaN;
                        if (col != null && !col.equals("title_search")) {
                            Cursor inNull = cursorAt(c, sort, col, movies - 1_000, desc);
                            pn = time(runs, () -> store.ports().queries().listMovies(new ListQuery(sort, null, new PageRequest(50, inNull))));
                        }
                        System.out.printf("%-18s %10.0f %12.0f %12.2f %12.0f%n", sort.wireName(), p1, pd, pd / p1, pn);
                    }
                }
            }
            if (only.contains("items")) {
                long maxMovie, maxShow;
                try (ResultSet rs = c.createStatement().executeQuery("select max(id) from movie")) { rs.next(); maxMovie = rs.getLong(1); }
                try (ResultSet rs = c.createStatement().executeQuery("select max(id) from show")) { rs.next(); maxShow = rs.getLong(1); }
                Random r = new Random(1);
                int n = 20_000;
                for (int round = 0; round < 3; round++) {
                    long t = System.nanoTime();
                    for (int i = 0; i < n; i++) store.ports().queries().findMovie(1 + (long) (r.nextDouble() * maxMovie));
                    double movie = (System.nanoTime() - t) / 1e3 / n;
                    t = System.nanoTime();
                    for (int i = 0; i < n; i++) store.ports().queries().findEpisodes(1 + (long) (r.nextDouble() * maxShow), new EpisodeQuery(null, PageRequest.firstPage()));
                    double eps = (System.nanoTime() - t) / 1e3 / n;
                    System.out.printf("round %d: findMovie %.1f us, findEpisodes %.1f us (one thread)%n", round, movie, eps);
                }
            }
        }
    }

    private static Cursor cursorAt(Connection c, Sort sort, String col, long offset, boolean desc) throws SQLException {
        String d = desc ? " desc" : "";
        String sql = col == null ? "select id, null from movie order by id" + d + " limit 1 offset " + offset
                : "select id, " + col + " from movie order by (" + col + " is null), " + col + d + ", id" + d + " limit 1 offset " + offset;
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            Object v = rs.getObject(2);
            return new Cursor(sort.wireName(), Cursor.Direction.AFTER, v == null ? null : v.toString(), rs.getLong(1));
        }
    }

    private static double time(int runs, Runnable r) {
        for (int i = 0; i < Math.max(5, runs / 3); i++) r.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) { long s = System.nanoTime(); r.run(); t[i] = (System.nanoTime() - s) / 1e3; }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
