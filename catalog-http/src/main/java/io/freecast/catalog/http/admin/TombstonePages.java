package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.port.in.TombstonesUseCase;
import java.util.Arrays;
import java.util.Map;

/**
 * Tombstones: the feeds' items deleted by hand, which imports therefore do not bring back — what, who
 * deleted it and when, newest first, by kind — and restoring one, which only removes the tombstone: the
 * next import re-creates the item from its feed, if the feed still lists it. Everyone signed in reads
 * them; restoring needs the editor role, as {@code POST /tombstones/{id}/restore} does on the API.
 */
final class TombstonePages {

    private static final int PAGE_SIZE = 50;

    private final PageContext pages;
    private final TombstonesUseCase tombstones;

    TombstonePages(PageContext pages, TombstonesUseCase tombstones) {
        this.pages = pages;
        this.tombstones = tombstones;
    }

    void register(AdminRoutes routes) {
        routes.get("/tombstones", this::list)
                .post("/tombstones/{id}/restore", Scope.EDIT, this::restore);
    }

    private AdminResponse list(AdminRequest request) {
        String kindText = request.query("kind");
        Page<Tombstone> page;
        ItemKind kind;
        try {
            kind = kindText == null || kindText.isEmpty() ? null : ItemKind.fromWireName(kindText);
            String cursor = request.query("cursor");
            page = tombstones.listTombstones(request.session().caller(), new TombstoneQuery(kind,
                    new PageRequest(PAGE_SIZE, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor))));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Html.shorten(e.getMessage(), 200));
        }
        String base = pages.url("/tombstones") + Html.query(Html.params("kind", kind == null ? "" : kind.wireName()));
        String join = base.contains("?") ? "&" : "?";
        Map<String, Object> model = pages.model(request, "Tombstones", "tombstones");
        model.put("tombstones", page.items());
        model.put("total", page.total());
        model.put("kind", kind == null ? "" : kind.wireName());
        model.put("kinds", Arrays.stream(ItemKind.values()).map(ItemKind::wireName).toList());
        model.put("editable", request.session().may(Scope.EDIT));
        model.put("nextUrl", page.next() == null ? null : base + join + "cursor=" + page.next().encode());
        model.put("previousUrl", page.previous() == null ? null : base + join + "cursor=" + page.previous().encode());
        model.put("firstUrl", request.query("cursor") == null ? null : base);
        return pages.page("tombstones.jte", model);
    }

    private AdminResponse restore(AdminRequest request) {
        long id = request.id("id");
        String label = request.form("label");
        tombstones.restore(request.session().caller(), id);
        return pages.redirect(request, "/tombstones", "Restored"
                + (label == null || label.isEmpty() ? " tombstone #" + id : " “" + Html.shorten(label, 200) + "”")
                + ": the next import brings it back if its feed still lists it.");
    }

    /** What a tombstone's parent is, for the list: a link to its page where it has one. */
    static String parentLabel(Tombstone tombstone) {
        ItemRef<?> parent = tombstone.parent();
        return parent == null ? "" : parent.kind().wireName() + " #" + parent.id();
    }

    /** The admin page of a tombstone's parent, or {@code null} when it has none of its own (a season, an episode). */
    static String parentUrl(Tombstone tombstone) {
        ItemRef<?> parent = tombstone.parent();
        if (parent == null) {
            return null;
        }
        return switch (parent.kind()) {
            case SHOW -> CatalogAdmin.PREFIX + "/shows/" + parent.id();
            case MOVIE -> CatalogAdmin.PREFIX + "/movies/" + parent.id();
            default -> null;
        };
    }
}
