package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.EpisodeFields;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One episode's page, opened from its show's: edits its number, title, description and release date (errors
 * next to their field, keeping what was typed; a stale form is a conflict with both versions) and its sources
 * inline.
 */
final class EpisodePages {

    private final PageContext pages;
    private final CatalogQueries queries;
    private final CatalogEditing editing;

    EpisodePages(PageContext pages, CatalogQueries queries, CatalogEditing editing) {
        this.pages = pages;
        this.queries = queries;
        this.editing = editing;
    }

    void register(AdminRoutes routes) {
        routes.get("/episodes/{id}", this::detail)
                .post("/episodes/{id}", Scope.EDIT, this::save);
    }

    private EpisodeTree find(long id) {
        return editing.findEpisode(id).orElseThrow(() -> new ItemNotFoundException("episode", id));
    }

    private AdminResponse detail(AdminRequest request) {
        EpisodeTree episode = find(request.id("id"));
        return page(request, 200, episode, stored(episode), Map.of(), null);
    }

    /** The episode's page with one of its sources' inline forms open and showing why it was not saved. */
    AdminResponse withSourceErrors(AdminRequest request, long episodeId, SourceEditState state) {
        EpisodeTree episode = editing.findEpisode(episodeId).orElse(null);
        return episode == null ? null : page(request, 422, episode, stored(episode), Map.of(), state);
    }

    private AdminResponse page(AdminRequest request, int status, EpisodeTree episode, Map<String, String> values,
                               Map<String, String> errors, SourceEditState sourceEdit) {
        SeasonTree season = editing.findSeason(episode.episode().seasonId())
                .orElseThrow(() -> new ItemNotFoundException("season", episode.episode().seasonId()));
        ShowTree show = queries.findShow(season.season().showId())
                .orElseThrow(() -> new ItemNotFoundException("show", season.season().showId()));
        Map<String, Object> model = pages.model(request, "S" + season.season().number() + "E"
                + episode.episode().number() + " · " + show.show().title(), "shows");
        model.put("show", show.show());
        model.put("season", season.season());
        model.put("episode", episode);
        model.put("form", new FormView(values, errors, episode.episode().lockedFields(), Versions.of(episode)));
        model.put("sourceEdit", sourceEdit);
        return pages.page(status, "episode.jte", model);
    }

    static Map<String, String> stored(EpisodeTree tree) {
        var e = tree.episode();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("number", Integer.toString(e.number()));
        values.put("title", FormView.text(e.title()));
        values.put("description", FormView.text(e.description()));
        values.put("release_date", FormView.text(e.releaseDate()));
        return values;
    }

    private AdminResponse save(AdminRequest request) {
        long id = request.id("id");
        EpisodeTree episode = find(id);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : EpisodeFields.WIRE_NAMES) {
            typed.put(field, request.form(field) == null ? "" : request.form(field));
        }
        String version = request.form("version");
        Map<String, String> before = Versions.of(episode).equals(version) ? stored(episode) : null;
        EpisodeFields fields = EpisodeFields.NONE;
        if (MoviePages.changed(typed, before, "number")) {
            fields = fields.withNumber(FieldEdit.parse(typed.get("number"), Integer::valueOf, "a whole number"));
        }
        if (MoviePages.changed(typed, before, "title")) {
            fields = fields.withTitle(FieldEdit.text(typed.get("title")));
        }
        if (MoviePages.changed(typed, before, "description")) {
            fields = fields.withDescription(FieldEdit.text(typed.get("description")));
        }
        if (MoviePages.changed(typed, before, "release_date")) {
            fields = fields.withReleaseDate(FieldEdit.parse(typed.get("release_date"), LocalDate::parse, "a date such as 2019-05-01"));
        }
        try {
            editing.changeEpisode(request.session().caller(), id, Versions.expecting(version), fields);
        } catch (InvalidEditException e) {
            return page(request, 422, episode, typed, FormView.errorsOf(e.violations()), null);
        } catch (StorageUnavailableException e) {
            return page(request, 503, episode, typed, FormView.notSaved(e), null);
        } catch (EditConflictException e) {
            Map<String, Object> model = pages.model(request, "Not saved: changed meanwhile", "shows");
            model.put("kind", "episode");
            model.put("backUrl", pages.url("/episodes/" + id));
            model.put("fields", EpisodeFields.WIRE_NAMES);
            model.put("yours", typed);
            model.put("theirs", stored(find(id)));
            return pages.page(409, "conflict.jte", model);
        }
        return pages.redirect(request, "/episodes/" + id, "Episode saved.");
    }
}
