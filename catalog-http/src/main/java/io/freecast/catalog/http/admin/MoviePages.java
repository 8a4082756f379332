package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.EditMoviesUseCase;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.MovieFields;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Movies: the searchable, sortable, filterable list; one movie's page, which edits every field, shows and
 * unlocks locked fields and edits its sources inline; creating. Deleting (after a confirmation) is {@link DeletePages}'.
 */
final class MoviePages {

    private final PageContext pages;
    private final CatalogQueries queries;
    private final CatalogOverview overview;
    private final CatalogEditing editing;

    MoviePages(PageContext pages, CatalogQueries queries, CatalogOverview overview, CatalogEditing editing) {
        this.pages = pages;
        this.queries = queries;
        this.overview = overview;
        this.editing = editing;
    }

    void register(AdminRoutes routes) {
        routes.get("/movies", this::list)
                .get("/movies/{id}", this::detail);
        if (editing != null) {
            routes.get("/movies/new", this::newForm)
                    .post("/movies", Scope.EDIT, this::create)
                    .post("/movies/{id}", Scope.EDIT, this::save)
                    .post("/movies/{id}/unlock/{field}", Scope.EDIT, this::unlock);
        }
    }

    private AdminResponse list(AdminRequest request) {
        TitleListParameters parameters = TitleListParameters.read(request, SortField.forMovies());
        Page<Movie> page = overview.listMovies(parameters.query(), parameters.filters());
        Map<String, Object> model = pages.model(request, "Movies", "movies");
        model.put("list", parameters);
        model.put("movies", page.items());
        model.put("total", Html.total(page));
        model.put("editable", editing != null);
        model.putAll(parameters.pagerModel(pages.url("/movies"), page));
        return pages.page("movies.jte", model);
    }

    private MovieTree find(long id) {
        return queries.findMovie(id).orElseThrow(() -> new ItemNotFoundException("movie", id));
    }

    private AdminResponse detail(AdminRequest request) {
        MovieTree tree = find(request.id("id"));
        return page(request, 200, tree, stored(tree), Map.of());
    }

    private AdminResponse page(AdminRequest request, int status, MovieTree tree, Map<String, String> values,
                               Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, tree.movie().title(), "movies");
        model.put("tree", tree);
        model.put("form", new FormView(values, errors, tree.movie().lockedFields(), Versions.of(tree)));
        model.put("editable", editing != null);
        return pages.page(status, "movie.jte", model);
    }

    static Map<String, String> stored(MovieTree tree) {
        Movie m = tree.movie();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", m.title());
        values.put("description", FormView.text(m.description()));
        values.put("image", FormView.text(m.image()));
        values.put("release_date", FormView.text(m.releaseDate()));
        values.put("release_year", FormView.text(m.releaseYear()));
        values.put("imdb_rating", m.imdbRating() == null ? "" : Double.toString(m.imdbRating().value()));
        values.put("kinopoisk_rating", m.kinopoiskRating() == null ? "" : Double.toString(m.kinopoiskRating().value()));
        return values;
    }

    private static Map<String, String> typed(AdminRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : MovieFields.WIRE_NAMES) {
            values.put(field, request.form(field) == null ? "" : request.form(field));
        }
        return values;
    }

    /** Only the fields that differ from what the form was filled with change (and get locked). */
    static MovieFields fields(Map<String, String> typed, Map<String, String> before) {
        MovieFields fields = MovieFields.NONE;
        if (changed(typed, before, "title")) {
            fields = fields.withTitle(FieldEdit.text(typed.get("title")));
        }
        if (changed(typed, before, "description")) {
            fields = fields.withDescription(FieldEdit.text(typed.get("description")));
        }
        if (changed(typed, before, "image")) {
            fields = fields.withImage(FieldEdit.text(typed.get("image")));
        }
        if (changed(typed, before, "release_date")) {
            fields = fields.withReleaseDate(FieldEdit.parse(typed.get("release_date"), LocalDate::parse, "a date such as 2019-05-01"));
        }
        if (changed(typed, before, "release_year")) {
            fields = fields.withReleaseYear(FieldEdit.parse(typed.get("release_year"), Integer::valueOf, "a whole number"));
        }
        if (changed(typed, before, "imdb_rating")) {
            fields = fields.withImdbRating(FieldEdit.parse(typed.get("imdb_rating"), Double::valueOf, "a number from 0 to 10"));
        }
        if (changed(typed, before, "kinopoisk_rating")) {
            fields = fields.withKinopoiskRating(FieldEdit.parse(typed.get("kinopoisk_rating"), Double::valueOf, "a number from 0 to 10"));
        }
        return fields;
    }

    static boolean changed(Map<String, String> typed, Map<String, String> before, String field) {
        return before == null || !typed.getOrDefault(field, "").strip().equals(before.getOrDefault(field, "").strip());
    }

    private AdminResponse save(AdminRequest request) {
        long id = request.id("id");
        MovieTree tree = find(id);
        Map<String, String> typed = typed(request);
        String version = request.form("version");
        // Compared with the stored values only when the form is of this version; otherwise every field
        // counts as typed and the conflict check below answers.
        Map<String, String> before = Versions.of(tree).equals(version) ? stored(tree) : null;
        try {
            editing.changeMovie(request.session().caller(), id, Versions.expecting(version), fields(typed, before));
        } catch (InvalidEditException e) {
            return page(request, 422, tree, typed, FormView.errorsOf(e.violations()));
        } catch (StorageUnavailableException e) {
            return page(request, 503, tree, typed, FormView.notSaved(e));
        } catch (EditConflictException e) {
            return conflict(request, tree, typed);
        }
        return pages.redirect(request, "/movies/" + id, "Saved.");
    }

    private AdminResponse conflict(AdminRequest request, MovieTree current, Map<String, String> typed) {
        Map<String, Object> model = pages.model(request, "Not saved: changed meanwhile", "movies");
        model.put("kind", "movie");
        model.put("backUrl", pages.url("/movies/" + current.movie().id()));
        model.put("fields", MovieFields.WIRE_NAMES);
        model.put("yours", typed);
        model.put("theirs", stored(current));
        return pages.page(409, "conflict.jte", model);
    }

    private AdminResponse newForm(AdminRequest request) {
        return newForm(request, 200, Map.of(), Map.of());
    }

    private AdminResponse create(AdminRequest request) {
        Map<String, String> typed = typed(request);
        try {
            MovieTree created = editing.createMovie(request.session().caller(),
                    new EditMoviesUseCase.NewMovie(fields(typed, null)));
            return pages.redirect(request, "/movies/" + created.movie().id(), "Created.");
        } catch (InvalidEditException e) {
            return newForm(request, 422, typed, FormView.errorsOf(e.violations()));
        } catch (StorageUnavailableException e) {
            return newForm(request, 503, typed, FormView.notSaved(e));
        }
    }

    /** The new-movie form, empty or with what was typed and why it was not saved. */
    private AdminResponse newForm(AdminRequest request, int status, Map<String, String> typed,
                                  Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, "New movie", "movies");
        model.put("form", new FormView(typed, errors, java.util.Set.of(), ""));
        return pages.page(status, "newmovie.jte", model);
    }

    private AdminResponse unlock(AdminRequest request) {
        long id = request.id("id");
        String field = request.pathParameter("field");
        try {
            editing.unlock(request.session().caller(), ItemRef.movie(id), Versions.expecting(request.form("version")), field);
        } catch (EditConflictException e) {
            return pages.redirect(request, "/movies/" + id, "The movie changed meanwhile; nothing was unlocked.");
        } catch (InvalidEditException e) {
            throw new BadRequestException(e.getMessage());
        }
        return pages.redirect(request, "/movies/" + id, "Unlocked " + field + ": the next import may change it.");
    }
}
