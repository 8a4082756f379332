package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.port.in.AuditLogUseCase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail: every change, newest first, filterable by actor, entity and time, linking to the item. */
final class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final PageContext pages;
    private final AuditLogUseCase audit;

    AuditPages(PageContext pages, AuditLogUseCase audit) {
        this.pages = pages;
        this.audit = audit;
    }

    void register(AdminRoutes routes) {
        routes.get("/audit", this::list);
    }

    private AdminResponse list(AdminRequest request) {
        Map<String, Object> model = pages.model(request, "Audit", "audit");
        String actor = blankToNull(request.query("actor"));
        String entity = blankToNull(request.query("entity"));
        String entityId = blankToNull(request.query("entity_id"));
        String from = blankToNull(request.query("from"));
        String until = blankToNull(request.query("until"));
        model.put("actor", actor == null ? "" : actor);
        model.put("entity", entity == null ? "" : entity);
        model.put("entityId", entityId == null ? "" : entityId);
        model.put("from", from == null ? "" : from);
        model.put("until", until == null ? "" : until);
        if (audit == null) {
            model.put("entries", List.<AuditEntry>of());
            model.put("available", false);
            model.put("nextUrl", null);
            return pages.page("audit.jte", model);
        }
        Page<AuditEntry> page;
        try {
            String cursor = request.query("cursor");
            page = audit.listAudit(request.session().caller(), new AuditQuery(entity, entityId == null ? null : Long.valueOf(entityId), actor,
                    day(from, "from"), until == null ? null : day(until, "until").plusSeconds(86_400),
                    new PageRequest(PAGE_SIZE, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor))));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("actor", actor);
        keep.put("entity", entity);
        keep.put("entity_id", entityId);
        keep.put("from", from);
        keep.put("until", until);
        String base = pages.url("/audit") + Html.query(keep);
        String join = base.contains("?") ? "&" : "?";
        model.put("entries", page.items());
        model.put("available", true);
        model.put("nextUrl", page.next() == null ? null : base + join + "cursor=" + page.next().encode());
        return pages.page("audit.jte", model);
    }

    private static Instant day(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + " must be a date such as 2026-12-31");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Where an entry's item is in the admin, or {@code null} when it has no page (an account, a login). */
    static String itemUrl(AuditEntry entry) {
        return switch (entry.entity()) {
            case "movie" -> CatalogAdmin.PREFIX + "/movies/" + entry.entityId();
            case "show" -> CatalogAdmin.PREFIX + "/shows/" + entry.entityId();
            case "season" -> CatalogAdmin.PREFIX + "/seasons/" + entry.entityId();
            case "episode" -> CatalogAdmin.PREFIX + "/episodes/" + entry.entityId();
            case "source" -> CatalogAdmin.PREFIX + "/sources/" + entry.entityId();
            default -> null;
        };
    }
}
