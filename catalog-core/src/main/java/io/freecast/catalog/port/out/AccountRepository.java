package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts and their password hashes are kept. Names are matched ignoring case (the storage keeps
 * {@link io.freecast.catalog.domain.AccountNames#key(String)} unique). Writes join the caller's
 * {@link Transactions transaction}.
 */
public interface AccountRepository {

    /**
     * Adds an enabled account, unless its name is taken (ignoring case), also by a writer racing this one.
     *
     * @return the account, or empty when the name was taken
     */
    Optional<Account> insertIfNameFree(String name, Role role, String passwordHash, Instant createdAt);

    /** The account with this name, ignoring case. */
    Optional<StoredAccount> findByName(String name);

    Optional<StoredAccount> findById(long id);

    /** Every account, ordered by name ignoring case. */
    List<Account> listAll();

    void updatePasswordHash(long id, String passwordHash);

    void updateEnabled(long id, boolean enabled);

    void updateRole(long id, Role role);

    void recordSignIn(long id, Instant at);

    /**
     * How many enabled accounts have the admin role, locking those rows until the transaction ends, so two
     * transactions each removing "another" admin cannot both see two.
     */
    int countEnabledAdmins();
}
