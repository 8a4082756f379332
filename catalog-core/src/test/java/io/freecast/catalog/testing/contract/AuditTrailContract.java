package io.freecast.catalog.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The audit trail's storage: what is appended reads back the same, filtered and paged, newest first. */
public abstract class AuditTrailContract extends EditingFixture {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.250Z");
    private static final Actor ALICE = Actor.account(7, "alice", Channel.WEB);
    private static final Actor DEPLOY = Actor.token(3, "bob", "deploy", Channel.API);

    @Test
    void entriesReadBackAsAppendedNewestFirst() {
        AuditEntry created = new AuditEntry(0, AT, ALICE, "movie", 5, "*", null, "{\"title\":\"X\"}");
        AuditEntry changed = new AuditEntry(0, AT.plusSeconds(1), DEPLOY, "movie", 5, "title", "X", "Y'); DROP TABLE movie;--");
        store.ports().auditTrail().append(List.of(created));
        store.ports().auditTrail().append(List.of(changed));

        Page<AuditEntry> page = store.ports().auditTrail().list(AuditQuery.all(PageRequest.first(10)));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(AuditEntry::field).containsExactly("title", "*");
        AuditEntry newest = page.items().getFirst();
        assertThat(newest.id()).isPositive();
        assertThat(newest).isEqualTo(new AuditEntry(newest.id(), AT.plusSeconds(1), DEPLOY, "movie", 5, "title", "X",
                "Y'); DROP TABLE movie;--"));
        assertThat(page.items().get(1).actor()).isEqualTo(ALICE);
        assertThat(page.items().get(1).before()).isNull();
    }

    @Test
    void filtersByEntityIdActorAndTime() {
        store.ports().auditTrail().append(List.of(
                new AuditEntry(0, AT, ALICE, "movie", 5, "title", "a", "b"),
                new AuditEntry(0, AT.plusSeconds(10), ALICE, "show", 5, "title", "c", "d"),
                new AuditEntry(0, AT.plusSeconds(20), DEPLOY, "movie", 6, "title", "e", "f")));

        assertThat(fields(new AuditQuery("movie", null, null, null, null, null))).containsExactly("f", "b");
        assertThat(fields(new AuditQuery("movie", 5L, null, null, null, null))).containsExactly("b");
        assertThat(fields(new AuditQuery(null, null, "token:bob/deploy", null, null, null))).containsExactly("f");
        assertThat(fields(new AuditQuery(null, null, null, AT.plusSeconds(10), AT.plusSeconds(20), null)))
                .containsExactly("d");
        assertThat(store.ports().auditTrail().list(new AuditQuery(null, null, "account:alice", null, null, null)).total())
                .isEqualTo(2);
    }

    @Test
    void pagesForwardAndBackWithoutSkippingOrRepeating() {
        List<AuditEntry> entries = IntStream.range(0, 7)
                .mapToObj(i -> new AuditEntry(0, AT.plusSeconds(i), ALICE, "movie", i, "title", null, "v" + i)).toList();
        store.ports().auditTrail().append(entries);

        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        Page<AuditEntry> page;
        do {
            page = store.ports().auditTrail().list(AuditQuery.all(request));
            page.items().forEach(e -> seen.add(e.after()));
            request = new PageRequest(3, page.next());
        } while (page.next() != null);
        assertThat(seen).containsExactly("v6", "v5", "v4", "v3", "v2", "v1", "v0");

        Page<AuditEntry> back = store.ports().auditTrail().list(AuditQuery.all(new PageRequest(3, page.previous())));
        assertThat(back.items()).extracting(AuditEntry::after).containsExactly("v3", "v2", "v1");
    }

    @Test
    void appendJoinsTheCallersTransactionSoARollbackLeavesNoEntry() {
        assertThatThrownBy(() -> store.ports().transactions().inTransaction(() -> {
            store.ports().auditTrail().append(List.of(new AuditEntry(0, AT, ALICE, "movie", 1, "title", "a", "b")));
            throw new IllegalStateException("the edit failed after its entry was appended");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.ports().auditTrail().list(AuditQuery.all(PageRequest.firstPage())).total()).isZero();
    }

    @Test
    void hugeAndHostileValuesAreStoredAsText() {
        String huge = "x".repeat(100_000);
        String hostile = "<script>alert(1)</script> \u202e ' \" ; -- \\ % _ 🎬";
        store.ports().auditTrail().append(List.of(new AuditEntry(0, AT, ALICE, "movie", 1, "description", hostile, huge)));

        AuditEntry read = store.ports().auditTrail().list(AuditQuery.all(PageRequest.firstPage())).items().getFirst();
        assertThat(read.before()).isEqualTo(hostile);
        assertThat(read.after()).isEqualTo(huge);
    }

    private List<String> fields(AuditQuery query) {
        return store.ports().auditTrail().list(query).items().stream().map(AuditEntry::after).toList();
    }
}
