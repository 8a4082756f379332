package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.Account;
import java.util.Objects;

/**
 * An account with its password hash, as the storage hands it to the core (and to nothing else).
 * {@link #toString()} leaves the hash out.
 *
 * @param passwordHash as {@code PasswordHasher} encoded it: algorithm, work factor, salt and hash
 */
public record StoredAccount(Account account, String passwordHash) {

    public StoredAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "StoredAccount[account=" + account + ", passwordHash=(not printed)]";
    }
}
