-- Hand edits (SQLite flavour; ../postgresql/V3__hand_edits.sql differs only in identity columns).
--
-- locked_fields: the fields of a row changed by hand, which imports leave as they are, as their wire
--   names between commas (",imdb_rating,title,"), so one LIKE finds a field; NULL when none. Imports read
--   it together with the columns they compare.
-- added_by_hand: the row was created by hand, not by an import (shows and movies created by hand have a
--   feed_key of the form hand:<uuid> instead). An import never removes a source added by hand.
ALTER TABLE show ADD COLUMN locked_fields VARCHAR;
ALTER TABLE season ADD COLUMN locked_fields VARCHAR;
ALTER TABLE season ADD COLUMN added_by_hand BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE episode ADD COLUMN locked_fields VARCHAR;
ALTER TABLE episode ADD COLUMN added_by_hand BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE movie ADD COLUMN locked_fields VARCHAR;
ALTER TABLE source ADD COLUMN locked_fields VARCHAR;
ALTER TABLE source ADD COLUMN added_by_hand BOOLEAN NOT NULL DEFAULT FALSE;

-- Every change by hand and every security event: who, when, through what, which field of which item,
-- from what to what (values as text as the JSON API shows them; NULL for none).
CREATE TABLE audit_entry (
    id           INTEGER CONSTRAINT pk_audit_entry PRIMARY KEY AUTOINCREMENT,
    at           TIMESTAMP NOT NULL,
    actor_kind   VARCHAR   NOT NULL,
    actor_id     BIGINT    NOT NULL,
    actor_name   VARCHAR   NOT NULL,
    actor_label  VARCHAR   NOT NULL,
    channel      VARCHAR   NOT NULL,
    entity       VARCHAR   NOT NULL,
    entity_id    BIGINT    NOT NULL,
    field        VARCHAR   NOT NULL,
    value_before VARCHAR,
    value_after  VARCHAR
);
CREATE INDEX ix_audit_entry_entity ON audit_entry (entity, entity_id, id);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_label, id);
CREATE INDEX ix_audit_entry_at ON audit_entry (at, id);

-- A feed's item deleted by hand: imports do not bring it back while this row exists. A show or movie is
-- named by its feed_key; a season or episode by its parent and number; a source by its owner and URL.
-- Children's tombstones go with their parent row.
CREATE TABLE tombstone (
    id         INTEGER CONSTRAINT pk_tombstone PRIMARY KEY AUTOINCREMENT,
    entity     VARCHAR   NOT NULL,
    feed_key   VARCHAR,
    show_id    BIGINT CONSTRAINT fk_tombstone_show REFERENCES show (id) ON DELETE CASCADE,
    season_id  BIGINT CONSTRAINT fk_tombstone_season REFERENCES season (id) ON DELETE CASCADE,
    movie_id   BIGINT CONSTRAINT fk_tombstone_movie REFERENCES movie (id) ON DELETE CASCADE,
    episode_id BIGINT CONSTRAINT fk_tombstone_episode REFERENCES episode (id) ON DELETE CASCADE,
    number     INTEGER,
    url        VARCHAR,
    label      VARCHAR   NOT NULL,
    deleted_at TIMESTAMP NOT NULL,
    deleted_by VARCHAR   NOT NULL,
    CONSTRAINT ck_tombstone_entity CHECK (entity IN ('show', 'season', 'episode', 'movie', 'source'))
);
CREATE INDEX ix_tombstone_feed_key ON tombstone (feed_key);
CREATE INDEX ix_tombstone_show ON tombstone (show_id);
CREATE INDEX ix_tombstone_season ON tombstone (season_id);
CREATE INDEX ix_tombstone_movie ON tombstone (movie_id);
CREATE INDEX ix_tombstone_episode ON tombstone (episode_id);
