package io.freecast.catalog.application;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CheckSourceUseCase;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.HandEdits;
import io.freecast.catalog.port.out.ItemReader;
import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import io.freecast.catalog.port.out.Transactions;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * One source checked now: the same probe (the {@link LinkChecker} validate-sources uses, with its guards) and
 * the same {@link SourceCheckRule} as a run, stored through the same {@link SourceRepository#saveChecks}; the
 * fields the check changed are audited as the caller's change, in the same transaction. One instance serves
 * every caller: it holds the {@link CheckNowLimits}.
 */
final class CheckSourceService implements CheckSourceUseCase {

    private final Transactions transactions;
    private final HandEdits edits;
    private final ItemReader items;
    private final SourceRepository sources;
    private final AuditTrail audit;
    private final LinkChecker checker;
    private final Clock clock;
    private final SourceCheckRule rule;
    private final CheckNowLimits limits;

    CheckSourceService(Transactions transactions, HandEdits edits, ItemReader items, SourceRepository sources,
                       AuditTrail audit, LinkChecker checker, Clock clock, int failureThreshold) {
        this.transactions = transactions;
        this.edits = edits;
        this.items = items;
        this.sources = sources;
        this.audit = audit;
        this.checker = checker;
        this.clock = clock;
        this.rule = new SourceCheckRule(failureThreshold);
        this.limits = new CheckNowLimits(clock);
    }

    @Override
    public Source checkSource(Caller caller, long sourceId) {
        EditSupport.require(caller, Scope.EDIT);
        Source probed = find(sourceId);
        limits.begin(caller.actor(), sourceId);
        try {
            // The request goes out before the transaction: a link that takes its full timeout holds no lock.
            return record(caller, sourceId, probed, probe(probed.url()));
        } finally {
            limits.end(sourceId);
        }
    }

    private Source record(Caller caller, long sourceId, Source probed, LinkProbe probe) {
        return transactions.inInteractiveTransaction(() -> {
            if (!edits.lock(ItemRef.source(sourceId))) {
                throw new ItemNotFoundException("source", sourceId);
            }
            Source current = find(sourceId);
            if (!current.url().equals(probed.url())) {
                throw new EditConflictException("source " + sourceId + " (its URL)", current);
            }
            SourceCheck check = rule.apply(current, probe, clock.instant());
            sources.saveChecks(List.of(check));
            AuditRecord record = new AuditRecord(caller.actor(), check.state().lastCheckedAt());
            LinkState before = current.check();
            LinkState after = check.state();
            record.changed(ItemKind.SOURCE, sourceId, "is_active", current.active(), check.active());
            record.changed(ItemKind.SOURCE, sourceId, "last_status", before.lastStatus(), after.lastStatus());
            record.changed(ItemKind.SOURCE, sourceId, "last_error", before.lastError(), after.lastError());
            record.changed(ItemKind.SOURCE, sourceId, "consecutive_failures", before.consecutiveFailures(),
                    after.consecutiveFailures());
            record.changed(ItemKind.SOURCE, sourceId, "last_checked_at", before.lastCheckedAt(), after.lastCheckedAt());
            if (!record.isEmpty()) {
                audit.append(record.entries());
            }
            return find(sourceId);
        });
    }

    private LinkProbe probe(String url) {
        URI uri = ValidateSourcesService.parse(url);
        if (uri == null) {
            return new LinkProbe.Failed(FailureKind.INVALID_URL, null, "not a valid absolute URL");
        }
        LinkProbe probe = checker.probeAll(List.of(uri)).get(uri);
        if (probe == null) {
            // As for a run: a checker that breaks its promise must not leave the source looking checked.
            throw new IllegalStateException("the link checker returned no result for " + uri);
        }
        return probe;
    }

    private Source find(long sourceId) {
        return items.findSource(sourceId).orElseThrow(() -> new ItemNotFoundException("source", sourceId));
    }
}
