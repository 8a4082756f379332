package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import java.util.Optional;
import java.util.Set;

/**
 * The feeds' items deleted by hand. Writes join the caller's {@link Transactions transaction}.
 *
 * <p>Imports respect them in two places. For shows and movies the import use-cases skip every draft whose
 * feed key {@link #feedKeys} lists. For seasons, episodes and sources the repositories' upserts do it
 * (see {@link ShowRepository} and {@link MovieRepository}): they are told apart by their parent's row,
 * which only storage knows while it upserts. A tombstone of a season, episode or source goes away with its
 * parent.
 */
public interface Tombstones {

    /**
     * Records a deletion. A show's or movie's tombstone is found by its {@link Tombstone#identity() feed key};
     * a season's or episode's by its parent and number; a source's by its owner and URL.
     *
     * @return the tombstone's id
     */
    long add(Tombstone tombstone);

    Page<Tombstone> list(TombstoneQuery query);

    /** Removes a tombstone; answers it, or empty when there is none with that id. */
    Optional<Tombstone> remove(long tombstoneId);

    /**
     * The feed keys of every tombstoned show ({@link ItemKind#SHOW}) or movie ({@link ItemKind#MOVIE}): few,
     * since only hand deletions make them, so an import reads them once and checks each draft in memory.
     */
    Set<String> feedKeys(ItemKind kind);
}
