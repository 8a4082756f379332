package io.freecast.catalog.testing;

import java.util.concurrent.atomic.AtomicLong;

/** Ids as an identity column gives them: ascending, never given twice, not taken back by a rollback. */
final class Sequence {

    private final AtomicLong last = new AtomicLong();

    long next() {
        return last.incrementAndGet();
    }
}
