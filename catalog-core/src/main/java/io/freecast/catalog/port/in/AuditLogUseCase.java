package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Page;

/** Reading the audit trail: every hand edit and security event, newest first. Needs the {@code admin} scope. */
public interface AuditLogUseCase {

    /** @throws NotPermittedException when the caller's scope is below {@code admin} */
    Page<AuditEntry> listAudit(Caller caller, AuditQuery query);
}
