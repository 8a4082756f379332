-- Accounts and API tokens, SQLite flavour. It differs from ../postgresql/V2__accounts_and_tokens.sql only
-- in the identity columns.
--   * A password is kept only as its PBKDF2 hash, encoded with its algorithm, work factor and salt
--     (pbkdf2-sha256$600000$salt$hash); nothing in the schema can hold a password in clear.
--   * A token is kept only as the hex SHA-256 of its value, unique, which is how it is looked up.
--   * Names are unique ignoring case through name_key, the name's lowercase (names are ASCII).
--   * Revoked tokens keep their row (revoked_at), so the list and the audit trail can still name them.

CREATE TABLE account (
    id              INTEGER CONSTRAINT pk_account PRIMARY KEY AUTOINCREMENT,
    name            VARCHAR   NOT NULL,
    name_key        VARCHAR   NOT NULL,
    role            VARCHAR   NOT NULL,
    password_hash   VARCHAR   NOT NULL,
    enabled         BOOLEAN   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    last_sign_in_at TIMESTAMP,
    CONSTRAINT uq_account_name_key UNIQUE (name_key),
    CONSTRAINT ck_account_role CHECK (role IN ('viewer', 'editor', 'admin'))
);

CREATE TABLE api_token (
    id           INTEGER CONSTRAINT pk_api_token PRIMARY KEY AUTOINCREMENT,
    account_id   BIGINT    NOT NULL CONSTRAINT fk_api_token_account REFERENCES account (id) ON DELETE CASCADE,
    label        VARCHAR   NOT NULL,
    scope        VARCHAR   NOT NULL,
    token_hash   VARCHAR   NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    expires_at   TIMESTAMP,
    revoked_at   TIMESTAMP,
    CONSTRAINT uq_api_token_token_hash UNIQUE (token_hash),
    CONSTRAINT ck_api_token_scope CHECK (scope IN ('read', 'edit', 'admin'))
);
CREATE INDEX ix_api_token_account ON api_token (account_id, id);
