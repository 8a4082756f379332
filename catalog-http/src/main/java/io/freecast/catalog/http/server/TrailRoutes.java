package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.port.in.AuditLogUseCase;
import io.freecast.catalog.port.in.TombstonesUseCase;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What hand edits left behind, over HTTP:
 * <ul>
 *   <li>{@code GET /tombstones} ({@code kind}, {@code limit}, {@code cursor}; {@code read} scope): the feed
 *       items deleted by hand, which imports do not bring back;</li>
 *   <li>{@code POST /tombstones/{id}/restore} ({@code edit} scope): forget one, so the next import
 *       re-creates the item from its feed (204);</li>
 *   <li>{@code GET /audit} ({@code entity}, {@code id}, {@code actor}, {@code from}, {@code until},
 *       {@code limit}, {@code cursor}; {@code admin} scope): every change and security event, newest first.</li>
 * </ul>
 * Lists are paged like every list of the API ({@code Link}, {@code X-Total-Count}) and never cached.
 */
final class TrailRoutes {

    private final TombstonesUseCase tombstones;
    private final AuditLogUseCase audit;
    private final BearerAuthentication authentication;

    TrailRoutes(TombstonesUseCase tombstones, AuditLogUseCase audit, BearerAuthentication authentication) {
        this.tombstones = tombstones;
        this.audit = audit;
        this.authentication = authentication;
    }

    void register(ApiRoutes routes) {
        routes.get("/tombstones", this::tombstones)
                .post("/tombstones/{id}/restore", this::restore)
                .get("/audit", this::audit);
    }

    ApiResponse tombstones(ApiRequest request) {
        Caller caller = authentication.require(request, Scope.READ);
        ItemKind kind = request.query("kind").filter(k -> !k.isEmpty()).map(TrailRoutes::kind).orElse(null);
        PageRequest page = ListParameters.page(request);
        Page<Tombstone> found = listed(() -> CoreRefusals.translate(
                () -> tombstones.listTombstones(caller, new TombstoneQuery(kind, page))));
        return Paging.respond(request, found, found.items().stream().map(TrailRoutes::tombstone).toList(),
                ListParameters.shaping(request, ListParameters.LIMIT, "kind")).caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse restore(ApiRequest request) {
        Caller caller = authentication.require(request, Scope.EDIT);
        long id = request.idParameter("id");
        CoreRefusals.run(() -> tombstones.restore(caller, id));
        return ApiResponse.noContent();
    }

    ApiResponse audit(ApiRequest request) {
        Caller caller = authentication.require(request, Scope.ADMIN);
        String entity = request.query("entity").filter(e -> !e.isEmpty()).orElse(null);
        Long entityId = request.query("id").filter(e -> !e.isEmpty()).map(text -> Ids.parse("id", text)).orElse(null);
        String actor = request.query("actor").filter(e -> !e.isEmpty()).orElse(null);
        if (actor != null && actor.length() > 200) {
            throw ApiProblem.badParameter("actor", "actor must be at most 200 characters, e.g. account:alice");
        }
        if (entity != null && entity.length() > 50) {
            throw ApiProblem.badParameter("entity", "entity must be an item kind such as movie or account");
        }
        Instant from = request.query("from").map(text -> instant("from", text)).orElse(null);
        Instant until = request.query("until").map(text -> instant("until", text)).orElse(null);
        AuditQuery query = new AuditQuery(entity, entityId, actor, from, until, ListParameters.page(request));
        Page<AuditEntry> found = listed(() -> CoreRefusals.translate(() -> audit.listAudit(caller, query)));
        return Paging.respond(request, found, found.items().stream().map(TrailRoutes::entry).toList(),
                        ListParameters.shaping(request, ListParameters.LIMIT, "entity", "id", "actor", "from", "until"))
                .caching(ApiResponse.Caching.NO_STORE);
    }

    /** A cursor from another list decodes but does not fit this one: the core says so, as for every list. */
    private static <T> Page<T> listed(java.util.function.Supplier<Page<T>> list) {
        try {
            return list.get();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter(ListParameters.CURSOR, e.getMessage());
        }
    }

    private static ItemKind kind(String text) {
        try {
            return ItemKind.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("kind", "kind must be show, season, episode, movie or source, got "
                    + Quoting.quote(text));
        }
    }

    private static Instant instant(String parameter, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badParameter(parameter, parameter + " must be a UTC time such as 2026-12-01T00:00:00Z, got "
                    + Quoting.quote(text));
        }
    }

    static Map<String, Object> tombstone(Tombstone tombstone) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", tombstone.id());
        view.put("kind", tombstone.kind().wireName());
        view.put("parent", tombstone.parent() == null ? null
                : Map.of("kind", tombstone.parent().kind().wireName(), "id", tombstone.parent().id()));
        view.put("identity", tombstone.identity());
        view.put("label", tombstone.label());
        view.put("deleted_at", tombstone.deletedAt().toString());
        view.put("deleted_by", tombstone.deletedBy());
        return view;
    }

    static Map<String, Object> entry(AuditEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("at", entry.at().toString());
        view.put("actor", entry.actor().label());
        view.put("channel", entry.actor().channel().wireName());
        view.put("entity", entry.entity());
        view.put("entity_id", entry.entityId());
        view.put("field", entry.field());
        view.put("before", entry.before());
        view.put("after", entry.after());
        return view;
    }
}
