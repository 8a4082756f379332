package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Page;

import java.util.List;

/**
 * Where every change is recorded. {@link #append} joins the caller's {@link Transactions transaction}, so
 * a change and its entries commit or roll back together: a failed write leaves neither.
 */
public interface AuditTrail {

    void append(List<AuditEntry> entries);

    /** Entries matching the query, newest first. */
    Page<AuditEntry> list(AuditQuery query);
}
