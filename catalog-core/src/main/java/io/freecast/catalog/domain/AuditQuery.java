package io.freecast.catalog.domain;

import java.time.Instant;

/**
 * Which audit entries to list, newest first. Every filter is optional ({@code null} for any).
 *
 * @param actor a label as {@link Actor#label()} gives it, e.g. {@code account:alice}
 * @param from  inclusive
 * @param until exclusive
 */
public record AuditQuery(String entity, Long entityId, String actor, Instant from, Instant until, PageRequest page) {

    public AuditQuery {
        page = page == null ? PageRequest.firstPage() : page;
    }

    public static AuditQuery all(PageRequest page) {
        return new AuditQuery(null, null, null, null, null, page);
    }
}
