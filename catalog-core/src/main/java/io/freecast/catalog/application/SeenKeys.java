package io.freecast.catalog.application;

/**
 * The feed keys an import has already accepted, with the feed index of each, in 16 bytes per key.
 *
 * <p>Duplicate detection is the one thing an import remembers for the whole feed, so it must stay small:
 * a {@code HashMap<String, Long>} costs about 110 bytes a key, this costs 32 (two {@code long}s at a load
 * factor of at most one half). Keys are kept as 64-bit hashes: two different keys would have to collide
 * for an item to be taken for a duplicate, which for a million keys has odds of about one in 10^7 —
 * and a feed can only hurt itself that way.
 */
final class SeenKeys {

    private static final long EMPTY = 0L;

    private long[] hashes = new long[1024];
    private long[] indexes = new long[1024];
    private int size;

    /**
     * Remembers {@code key} as first seen at {@code index}, unless it was seen before.
     *
     * @return the index where the key was first seen, or -1 when it is new (and now remembered)
     */
    long putIfAbsent(String key, long index) {
        if ((size + 1) * 2 > hashes.length) {
            grow();
        }
        long hash = hash(key);
        int slot = find(hashes, hash);
        if (hashes[slot] == hash) {
            return indexes[slot];
        }
        hashes[slot] = hash;
        indexes[slot] = index;
        size++;
        return -1;
    }

    int size() {
        return size;
    }

    /** The slot holding {@code hash}, or the empty slot where it belongs (linear probing). */
    private static int find(long[] table, long hash) {
        int mask = table.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[slot] != EMPTY && table[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldIndexes = indexes;
        hashes = new long[oldHashes.length * 2];
        indexes = new long[oldIndexes.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                int slot = find(hashes, oldHashes[i]);
                hashes[slot] = oldHashes[i];
                indexes[slot] = oldIndexes[i];
            }
        }
    }

    /** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser to spread the bits; never 0. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1L : h;
    }
}
