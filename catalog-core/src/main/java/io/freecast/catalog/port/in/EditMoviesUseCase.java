package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Versioned;
import java.util.List;
import java.util.Objects;

/**
 * Creating, changing and deleting movies by hand. Every method needs the {@code edit} scope, validates
 * every field and reports all broken rules at once, and writes its audit entries in the same
 * transaction as the change.
 *
 * <p>A field changed by hand is locked: imports leave it as it is until it is
 * {@linkplain UnlockFieldUseCase unlocked}. A movie created by hand is never touched by an import; a movie
 * from a feed deleted by hand leaves a {@linkplain TombstonesUseCase tombstone} so imports do not bring it back.
 *
 * @throws NotPermittedException  (every method) when the caller's scope is below {@code edit}
 * @throws InvalidEditException   when a field breaks a rule; nothing changed
 * @throws ItemNotFoundException  when the movie does not exist
 * @throws EditConflictException  when {@code expected} does not match the movie as stored now (with it)
 */
public interface EditMoviesUseCase {

    /** @return the movie as stored, with its id */
    MovieTree createMovie(Caller caller, NewMovie movie);

    /**
     * Changes the given fields (only those), conditionally: {@code expected} is checked against the movie
     * as it is inside the write's transaction, after locking it.
     *
     * @return the movie as stored after the change
     */
    MovieTree changeMovie(Caller caller, long movieId, Versioned<MovieTree> expected, MovieFields changes);

    /** Deletes the movie with its sources, conditionally. */
    void deleteMovie(Caller caller, long movieId, Versioned<MovieTree> expected);

    /**
     * A movie to create: its fields ({@code title} required) and, optionally, its sources; a source's
     * broken rules are reported as {@code sources[i].field}.
     */
    record NewMovie(MovieFields fields, List<SourceFields> sources) {
        public NewMovie {
            Objects.requireNonNull(fields, "fields");
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        public NewMovie(MovieFields fields) {
            this(fields, List.of());
        }
    }
}
