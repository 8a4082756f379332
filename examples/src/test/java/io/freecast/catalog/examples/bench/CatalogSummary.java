package io.freecast.catalog.examples.bench;

import java.util.Locale;

/** What {@link LargeCatalogFeeds} wrote: the counts an import of the feeds must report, and the searches. */
final class CatalogSummary {

    final long seed;
    final int movies;
    final SearchTerms searches;
    long movieSources;
    long shows;
    long episodes;
    long episodeSources;
    long movieFeedBytes;
    long showFeedBytes;

    CatalogSummary(long seed, int movies, SearchTerms searches) {
        this.seed = seed;
        this.movies = movies;
        this.searches = searches;
    }

    void countMovie(String title) {
        searches.count(title);
    }

    String describe() {
        return String.format(Locale.ROOT, "%,d movies (%,d sources, %.0f MB) and %,d shows (%,d episodes, %,d sources, "
                + "%.0f MB), seed %d", movies, movieSources, movieFeedBytes / 1e6, shows, episodes, episodeSources,
                showFeedBytes / 1e6, seed);
    }

    /** Plain {@code key=value} lines in UTF-8 (not {@link java.util.Properties}' escapes): shell scripts read them. */
    String properties() {
        StringBuilder out = new StringBuilder();
        out.append("seed=").append(seed).append('\n');
        out.append("movies=").append(movies).append('\n');
        out.append("movie.sources=").append(movieSources).append('\n');
        out.append("movies.bytes=").append(movieFeedBytes).append('\n');
        out.append("shows=").append(shows).append('\n');
        out.append("seasons=").append(shows * LargeCatalogFeeds.SEASONS).append('\n');
        out.append("episodes=").append(episodes).append('\n');
        out.append("episode.sources=").append(episodeSources).append('\n');
        out.append("shows.bytes=").append(showFeedBytes).append('\n');
        searches.appendProperties(out);
        return out.toString();
    }
}
