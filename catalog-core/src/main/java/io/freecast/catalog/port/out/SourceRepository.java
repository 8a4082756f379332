package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The link-check side of stream sources. */
public interface SourceRepository {

    /** Lists sources by id after {@code afterId} (0 for the start): a keyset walk over every source. */
    List<Source> listAfter(long afterId, int limit);

    /**
     * The sources whose next check is due before {@code dueBefore}, most overdue first: ordered by due time,
     * then id, and starting after {@code after} (a keyset walk). A source never checked is due since
     * {@link #NEVER_CHECKED_DUE}, so it comes before every source that was.
     */
    List<DueSource> listDue(Instant dueBefore, CheckCursor after, int limit);

    /** How many sources {@link #listDue} would still return after {@code after}: what a run did not reach. */
    long countDue(Instant dueBefore, CheckCursor after);

    /** Stores the outcome of many checks in one batch. */
    void saveChecks(List<SourceCheck> checks);

    /** When a source that was never checked is due: the epoch, before any real check time. */
    Instant NEVER_CHECKED_DUE = Instant.EPOCH;

    /** A source with the time its next check is due. */
    record DueSource(Source source, Instant checkDueAt) {
        public DueSource {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(checkDueAt, "checkDueAt");
        }

        /** The position just after this source in a walk of due sources. */
        public CheckCursor cursor() {
            return new CheckCursor(checkDueAt, source.id());
        }
    }

    /** A position in the walk of due sources: the due time and id of the last source seen. */
    record CheckCursor(Instant checkDueAt, long sourceId) {
        /** Before every source, the never-checked ones included. */
        public static final CheckCursor START = new CheckCursor(NEVER_CHECKED_DUE, 0);

        public CheckCursor {
            Objects.requireNonNull(checkDueAt, "checkDueAt");
        }
    }

    /**
     * The new state of one source after a check.
     *
     * @param checkDueAt when the source should be checked again: a run only checks sources whose time has come
     */
    record SourceCheck(long sourceId, boolean active, LinkState state, Instant checkDueAt) {
        public SourceCheck {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(checkDueAt, "checkDueAt");
        }

        /** A check after which the source is due again at once (no back-off): due from its check time. */
        public SourceCheck(long sourceId, boolean active, LinkState state) {
            this(sourceId, active, state, state.lastCheckedAt() == null ? NEVER_CHECKED_DUE : state.lastCheckedAt());
        }
    }
}
