package io.freecast.catalog.http.admin;

import java.util.List;

/**
 * What a delete confirmation page shows: the item, everything that goes with it (grouped, counted, the first
 * names listed), whether a tombstone will keep the next import from bringing it back, and the form's target.
 *
 * @param kind       "show", "season", "episode", "movie" or "source"
 * @param label      the item as a person names it, its kind first ("season 2 of “Lost”")
 * @param groups     what goes with it, by kind; empty when only the item itself goes
 * @param tombstone  whether deleting leaves a tombstone (the item came from a feed)
 * @param action     where the confirmed form posts (below {@code /admin})
 * @param cancelUrl  where "No, keep it" leads (below {@code /admin})
 * @param version    the version the confirmation was shown for: a change meanwhile is a conflict
 */
record DeletionView(String kind, String label, List<Group> groups, boolean tombstone, String action,
                    String cancelUrl, String version) {

    /** At most this many names per group are listed; the count says how many there are. */
    static final int NAMES_SHOWN = 50;

    /**
     * @param label plural noun ("episodes")
     * @param names the first {@value #NAMES_SHOWN} names
     * @param count how many go in all
     */
    record Group(String label, List<String> names, int count) {

        static Group of(String label, List<String> all) {
            return new Group(label, all.size() <= NAMES_SHOWN ? all : all.subList(0, NAMES_SHOWN), all.size());
        }

        int more() {
            return count - names.size();
        }
    }
}
