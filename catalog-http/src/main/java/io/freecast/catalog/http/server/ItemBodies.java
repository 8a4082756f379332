package io.freecast.catalog.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.port.in.EditMoviesUseCase.NewMovie;
import io.freecast.catalog.port.in.EpisodeFields;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.MovieFields;
import io.freecast.catalog.port.in.SeasonFields;
import io.freecast.catalog.port.in.ShowFields;
import io.freecast.catalog.port.in.SourceFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON bodies of the catalog's writes, read into the core's field edits: which members each kind of
 * item takes, of which type, and which it shows but never takes (ids, {@code locked_fields}, children,
 * link-check state). A create's body and a merge patch use the same members.
 */
final class ItemBodies {

    private static final BodyFields.Type TEXT = BodyFields.Type.TEXT;
    private static final BodyFields.Type DATE = BodyFields.Type.DATE;
    private static final BodyFields.Type NUMBER = BodyFields.Type.NUMBER;
    private static final BodyFields.Type INTEGER = BodyFields.Type.INTEGER;

    static final BodyFields.Shape SHOW = new BodyFields.Shape(Map.of("title", TEXT, "description", TEXT,
            "image", TEXT, "release_date", DATE, "imdb_rating", NUMBER, "kinopoisk_rating", NUMBER),
            Set.of("id", "locked_fields", "seasons"));

    static final BodyFields.Shape MOVIE = new BodyFields.Shape(Map.of("title", TEXT, "description", TEXT,
            "image", TEXT, "release_date", DATE, "release_year", INTEGER, "imdb_rating", NUMBER,
            "kinopoisk_rating", NUMBER), Set.of("id", "locked_fields", "sources"));

    static final BodyFields.Shape SEASON = new BodyFields.Shape(Map.of("number", INTEGER, "description", TEXT),
            Set.of("id", "locked_fields", "episodes", "show_id"));

    static final BodyFields.Shape EPISODE = new BodyFields.Shape(Map.of("number", INTEGER, "title", TEXT,
            "description", TEXT, "release_date", DATE),
            Set.of("id", "locked_fields", "sources", "season_number", "season_id"));

    static final BodyFields.Shape SOURCE = new BodyFields.Shape(Map.of("url", TEXT, "source_type", TEXT,
            "provider", TEXT, "is_active", BodyFields.Type.BOOLEAN),
            Set.of("id", "locked_fields", "last_checked_at", "last_status"));

    /** A movie may be created with its sources, as {@code sources: [{url, …}, …]}. */
    private static final int MAX_NEW_SOURCES = 50;

    private ItemBodies() {
    }

    static ShowFields show(ObjectNode body) {
        BodyFields.Fields f = BodyFields.read(body, SHOW);
        return new ShowFields(edit(f, "title", String.class), edit(f, "description", String.class),
                edit(f, "image", String.class), edit(f, "release_date", LocalDate.class),
                edit(f, "imdb_rating", Double.class), edit(f, "kinopoisk_rating", Double.class));
    }

    static MovieFields movie(ObjectNode body) {
        BodyFields.Fields f = BodyFields.read(body, MOVIE);
        return new MovieFields(edit(f, "title", String.class), edit(f, "description", String.class),
                edit(f, "image", String.class), edit(f, "release_date", LocalDate.class),
                edit(f, "release_year", Integer.class), edit(f, "imdb_rating", Double.class),
                edit(f, "kinopoisk_rating", Double.class));
    }

    /** A new movie, with the sources its body may list; members at fault in a source are {@code sources[i].x}. */
    static NewMovie newMovie(ObjectNode body) {
        JsonNode sources = body.remove("sources");
        List<FieldViolation> violations = new ArrayList<>();
        MovieFields fields = null;
        try {
            fields = movie(body);
        } catch (ApiProblem problem) {
            if (problem.status() != 422) {
                throw problem;
            }
            violations.addAll(problem.errors());
        }
        List<SourceFields> newSources = new ArrayList<>();
        if (sources != null && !sources.isNull()) {
            if (!sources.isArray()) {
                violations.add(new FieldViolation("sources", "must be an array of sources"));
            } else if (sources.size() > MAX_NEW_SOURCES) {
                violations.add(new FieldViolation("sources", "at most " + MAX_NEW_SOURCES + " at once"));
            } else {
                for (int i = 0; i < sources.size(); i++) {
                    newSources.add(sourceAt(sources.get(i), i, violations));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations.size() + " member(s) of the body are not writable fields",
                    violations);
        }
        return new NewMovie(fields, newSources);
    }

    private static SourceFields sourceAt(JsonNode node, int index, List<FieldViolation> violations) {
        if (!node.isObject()) {
            violations.add(new FieldViolation("sources[" + index + "]", "must be an object"));
            return SourceFields.NONE;
        }
        try {
            return source((ObjectNode) node);
        } catch (ApiProblem problem) {
            if (problem.status() != 422) {
                throw problem;
            }
            problem.errors().forEach(v -> violations.add(
                    new FieldViolation("sources[" + index + "]." + v.field(), v.message())));
            return SourceFields.NONE;
        }
    }

    static SeasonFields season(ObjectNode body) {
        BodyFields.Fields f = BodyFields.read(body, SEASON);
        return new SeasonFields(edit(f, "number", Integer.class), edit(f, "description", String.class));
    }

    static EpisodeFields episode(ObjectNode body) {
        BodyFields.Fields f = BodyFields.read(body, EPISODE);
        return new EpisodeFields(edit(f, "number", Integer.class), edit(f, "title", String.class),
                edit(f, "description", String.class), edit(f, "release_date", LocalDate.class));
    }

    static SourceFields source(ObjectNode body) {
        BodyFields.Fields f = BodyFields.read(body, SOURCE);
        return new SourceFields(edit(f, "url", String.class), edit(f, "source_type", String.class),
                edit(f, "provider", String.class), edit(f, "is_active", Boolean.class));
    }

    /** A body member as the core's field edit: absent keeps, {@code null} clears, a value sets. */
    static <T> FieldEdit<T> edit(BodyFields.Fields fields, String name, Class<T> type) {
        return switch (fields.get(name)) {
            case BodyFields.Member.Absent absent -> FieldEdit.keep();
            case BodyFields.Member.Null cleared -> FieldEdit.clear();
            case BodyFields.Member.Value value -> FieldEdit.set(type.cast(value.value()));
            case BodyFields.Member.WrongType wrong -> FieldEdit.invalid(wrong.message());
        };
    }
}
