package io.freecast.catalog.jdbc.internal;

import static io.freecast.catalog.jdbc.internal.schema.Tables.ACCOUNT;
import static io.freecast.catalog.jdbc.internal.schema.Tables.API_TOKEN;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.TokenGrant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Tokens in the {@code api_token} table, by the SHA-256 of their value. A lookup reads the token and its
 * account in one statement, so a check sees the account's enabled flag and role as they are now.
 */
final class JooqApiTokenRepository implements ApiTokenRepository {

    private final DSLContext dsl;

    JooqApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ApiToken insert(long accountId, String label, Scope scope, String tokenHash, Instant createdAt,
                           Instant expiresAt) {
        long id = dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.ACCOUNT_ID, accountId)
                .set(API_TOKEN.LABEL, label)
                .set(API_TOKEN.SCOPE, scope.wireName())
                .set(API_TOKEN.TOKEN_HASH, tokenHash)
                .set(API_TOKEN.CREATED_AT, Rows.toDb(createdAt))
                .set(API_TOKEN.EXPIRES_AT, Rows.toDb(expiresAt))
                .returningResult(API_TOKEN.ID)
                .fetchSingle(API_TOKEN.ID);
        return findById(id).orElseThrow().token();
    }

    @Override
    public Optional<TokenGrant> findByHash(String tokenHash) {
        return grants(API_TOKEN.TOKEN_HASH.eq(tokenHash)).stream().findFirst();
    }

    @Override
    public Optional<TokenGrant> findById(long id) {
        return grants(API_TOKEN.ID.eq(id)).stream().findFirst();
    }

    @Override
    public List<ApiToken> list(Long accountId) {
        Condition which = accountId == null ? DSL.trueCondition() : API_TOKEN.ACCOUNT_ID.eq(accountId);
        return grants(which).stream().map(TokenGrant::token).toList();
    }

    @Override
    public void revoke(long id, Instant at) {
        dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, Rows.toDb(at))
                .where(API_TOKEN.ID.eq(id).and(API_TOKEN.REVOKED_AT.isNull()))
                .execute();
    }

    @Override
    public void recordUse(long id, Instant at, Instant staleBefore) {
        dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, Rows.toDb(at))
                .where(API_TOKEN.ID.eq(id)
                        .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.lt(Rows.toDb(staleBefore)))))
                .execute();
    }

    /** Tokens with their accounts, newest first. */
    private List<TokenGrant> grants(Condition which) {
        return dsl.select(API_TOKEN.ID, API_TOKEN.ACCOUNT_ID, ACCOUNT.NAME, API_TOKEN.LABEL, API_TOKEN.SCOPE,
                        API_TOKEN.CREATED_AT, API_TOKEN.LAST_USED_AT, API_TOKEN.EXPIRES_AT, API_TOKEN.REVOKED_AT,
                        ACCOUNT.ROLE, ACCOUNT.ENABLED)
                .from(API_TOKEN).join(ACCOUNT).on(ACCOUNT.ID.eq(API_TOKEN.ACCOUNT_ID))
                .where(which)
                .orderBy(API_TOKEN.ID.desc())
                .fetch(JooqApiTokenRepository::grant);
    }

    private static TokenGrant grant(Record row) {
        ApiToken token = new ApiToken(row.get(API_TOKEN.ID), row.get(API_TOKEN.ACCOUNT_ID), row.get(ACCOUNT.NAME),
                row.get(API_TOKEN.LABEL), Scope.fromWireName(row.get(API_TOKEN.SCOPE)),
                Rows.fromDb(row.get(API_TOKEN.CREATED_AT)), Rows.fromDb(row.get(API_TOKEN.LAST_USED_AT)),
                Rows.fromDb(row.get(API_TOKEN.EXPIRES_AT)), Rows.fromDb(row.get(API_TOKEN.REVOKED_AT)));
        return new TokenGrant(token, Role.fromWireName(row.get(ACCOUNT.ROLE)), row.get(ACCOUNT.ENABLED));
    }
}
