package io.freecast.catalog.testing;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.port.out.StoredAccount;
import java.util.List;
import java.util.TreeMap;

/** The account and api_token tables of the in-memory store: rows by id, copied with every transaction. */
final class AccessTables {

    /** A token row: the token as listed, and the hash it is found by. */
    record TokenRow(ApiToken token, String hash) {
    }

    final TreeMap<Long, StoredAccount> accounts;
    final TreeMap<Long, TokenRow> tokens;

    AccessTables() {
        this(new TreeMap<>(), new TreeMap<>());
    }

    private AccessTables(TreeMap<Long, StoredAccount> accounts, TreeMap<Long, TokenRow> tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    AccessTables copy() {
        return new AccessTables(new TreeMap<>(accounts), new TreeMap<>(tokens));
    }

    /** Every field of every row, hashes included. */
    String raw() {
        StringBuilder all = new StringBuilder();
        accounts.values().forEach(stored -> all.append(stored.account()).append('|').append(stored.passwordHash())
                .append('\n'));
        tokens.values().forEach(row -> all.append(row.token()).append('|').append(row.hash()).append('\n'));
        return all.toString();
    }

    List<Object> contents() {
        return List.of(new TreeMap<>(accounts), new TreeMap<>(tokens));
    }
}
