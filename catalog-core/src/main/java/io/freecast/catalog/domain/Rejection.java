package io.freecast.catalog.domain;

/**
 * An input item a task did not accept, and why.
 *
 * @param index  the item's 0-based position in its input (the feed array), or -1 when it has none
 * @param itemId the item's id or slug as the input gave it; {@code null} if it had none
 * @param reason one line a person can act on
 */
public record Rejection(long index, String itemId, String reason) {
}
