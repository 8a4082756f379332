-- Title search without a scan, and list totals without a count (PostgreSQL flavour; ../sqlite/V6 does the
-- same with FTS5 trigram tables and row triggers).
--
-- ix_*_title_trgm: GIN trigram indexes (pg_trgm) on the normalised title, which serve the search's
-- title_search LIKE '%…%' for a search text of 3 characters or more; shorter ones cannot use trigrams.
-- The indexes are on title_search itself, so no trigger is needed to keep them in step.
--
-- title_count: each list's size ("total") and a counter of changes that can alter a search's matches
-- ("changes": a title added, removed or renamed). Pages read them instead of counting the list; a search's
-- count is carried in its cursors together with "changes" and taken again only when that moved. Kept by
-- statement-level triggers (one UPDATE per statement, not per row) in the writing transaction.
--
-- pg_trgm ships with the server and is a trusted extension (a database owner may create it). It is
-- database-wide, so when missing it is created in "public", not in the catalog's own schema: dropping
-- one catalog schema with CASCADE would otherwise take the extension, and every other schema's trigram
-- index, with it. Where it already is, it stays, and the indexes name its operator class there.
/* [jooq ignore start] */
DO $$
DECLARE
    trgm NAME;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
        EXCEPTION WHEN unique_violation OR duplicate_object THEN
            NULL; -- another schema's migration created it at the same moment
        END;
    END IF;
    SELECT n.nspname INTO STRICT trgm FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX ix_movie_title_trgm ON movie USING gin (title_search %I.gin_trgm_ops)', trgm);
    EXECUTE format('CREATE INDEX ix_show_title_trgm ON show USING gin (title_search %I.gin_trgm_ops)', trgm);
END $$;
/* [jooq ignore stop] */

CREATE TABLE title_count (
    kind    VARCHAR NOT NULL CONSTRAINT pk_title_count PRIMARY KEY,
    total   BIGINT  NOT NULL,
    changes BIGINT  NOT NULL,
    CONSTRAINT ck_title_count_kind CHECK (kind IN ('show', 'movie'))
);
INSERT INTO title_count (kind, total, changes) SELECT 'show', count(*), 0 FROM show;
INSERT INTO title_count (kind, total, changes) SELECT 'movie', count(*), 0 FROM movie;

/* [jooq ignore start] */
CREATE FUNCTION title_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added BIGINT;
BEGIN
    SELECT count(*) INTO added FROM added_rows;
    IF added > 0 THEN
        UPDATE title_count SET total = total + added, changes = changes + 1 WHERE kind = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION title_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    removed BIGINT;
BEGIN
    SELECT count(*) INTO removed FROM removed_rows;
    IF removed > 0 THEN
        UPDATE title_count SET total = total - removed, changes = changes + 1 WHERE kind = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION title_count_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM renamed_before b JOIN renamed_after a ON a.id = b.id
               WHERE a.title_search IS DISTINCT FROM b.title_search) THEN
        UPDATE title_count SET changes = changes + 1 WHERE kind = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_movie_title_added AFTER INSERT ON movie REFERENCING NEW TABLE AS added_rows
    FOR EACH STATEMENT EXECUTE FUNCTION title_count_added();
CREATE TRIGGER tr_movie_title_removed AFTER DELETE ON movie REFERENCING OLD TABLE AS removed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION title_count_removed();
CREATE TRIGGER tr_movie_title_renamed AFTER UPDATE ON movie REFERENCING OLD TABLE AS renamed_before
    NEW TABLE AS renamed_after FOR EACH STATEMENT EXECUTE FUNCTION title_count_renamed();
CREATE TRIGGER tr_show_title_added AFTER INSERT ON show REFERENCING NEW TABLE AS added_rows
    FOR EACH STATEMENT EXECUTE FUNCTION title_count_added();
CREATE TRIGGER tr_show_title_removed AFTER DELETE ON show REFERENCING OLD TABLE AS removed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION title_count_removed();
CREATE TRIGGER tr_show_title_renamed AFTER UPDATE ON show REFERENCING OLD TABLE AS renamed_before
    NEW TABLE AS renamed_after FOR EACH STATEMENT EXECUTE FUNCTION title_count_renamed();
/* [jooq ignore stop] */
