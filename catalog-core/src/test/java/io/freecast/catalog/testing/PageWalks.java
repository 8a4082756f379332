package io.freecast.catalog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Every item of a keyset-paged list, read page after page through its cursors — forwards from the first page, or
 * backwards from the last — checking on the way that each page offers the cursors its position calls for.
 */
public final class PageWalks {

    private PageWalks() {
    }

    /** The list's items in its order, page after page of {@code limit} through the next cursors. */
    public static <T> List<T> forward(int limit, Function<PageRequest, Page<T>> list) {
        Page<T> page = list.apply(PageRequest.first(limit));
        assertThat(page.previous()).as("the first page's previous cursor").isNull();
        List<T> items = new ArrayList<>(page.items());
        while (page.next() != null) {
            page = list.apply(new PageRequest(limit, page.next()));
            assertThat(page.previous()).as("a later page's previous cursor").isNotNull();
            items.addAll(page.items());
        }
        return items;
    }

    /** The list's items in its order, read from its last page of {@code limit} back to its first. */
    public static <T> List<T> backward(int limit, Function<PageRequest, Page<T>> list) {
        Page<T> page = list.apply(PageRequest.first(limit));
        while (page.next() != null) {
            page = list.apply(new PageRequest(limit, page.next()));
        }
        Deque<List<T>> pages = new ArrayDeque<>();
        pages.push(page.items());
        while (page.previous() != null) {
            page = list.apply(new PageRequest(limit, page.previous()));
            assertThat(page.next()).as("an earlier page's next cursor").isNotNull();
            pages.push(page.items());
        }
        return pages.stream().flatMap(List::stream).toList();
    }
}
