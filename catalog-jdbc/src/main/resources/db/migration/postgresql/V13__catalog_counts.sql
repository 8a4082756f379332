-- The admin dashboard's counts without counting (PostgreSQL; ../sqlite/V13 says why SQLite still counts), and
-- title_count written once at the end of an import (below).
--
-- At 1,000,000 movies and 100,000 shows, counting the seasons, episodes and sources (6.5 million rows) took
-- PostgreSQL 6 to 11 seconds of parallel sequential scans on every load of the dashboard. Shows and movies are
-- already counted (title_count, V6); this keeps the rest the same way: triggers record, in the transaction of
-- every write, how many rows it added or removed, whatever writes (imports, hand edits, link checks, deletes
-- cascading from a title), so no write path can forget it.
--
-- catalog_count_change: one row per writing statement (kind, delta), not one counter per kind. A counter row
-- would be locked by the first write of a transaction until it commits: a link check switching a source off
-- would wait behind an import's transaction for minutes. Inserting rows takes no lock anyone else waits for, and
-- a reader sees exactly the committed changes. A kind's count is the sum of its rows; reading the counts folds
-- the rows into one per kind when there are many (JooqCatalogOverview).
--
-- Kinds: season, episode, source (all sources), inactive_source (is_active false). An import's batches reach
-- the triggers as multi-row statements (the driver's reWriteBatchedInserts), so an import adds one row per
-- batch statement, not one per inserted row.
CREATE TABLE catalog_count_change (
    kind  VARCHAR NOT NULL,
    delta BIGINT  NOT NULL,
    CONSTRAINT ck_catalog_count_change_kind CHECK (kind IN ('season', 'episode', 'source', 'inactive_source'))
);

/* [jooq ignore start] */
-- An insert counts its rows up, a delete down; both triggers name their transition table changed_rows.
CREATE FUNCTION catalog_rows_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog_count_change (kind, delta)
        SELECT TG_TABLE_NAME, count(*) * CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END FROM changed_rows
        HAVING count(*) > 0;
    RETURN NULL;
END $$;

CREATE FUNCTION catalog_sources_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog_count_change (kind, delta)
        SELECT kind, delta * CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END
        FROM (SELECT 'source' AS kind, count(*) AS delta FROM changed_rows
              UNION ALL SELECT 'inactive_source', count(*) FROM changed_rows WHERE NOT is_active) AS counted
        WHERE delta <> 0;
    RETURN NULL;
END $$;

-- A link check or a hand edit switching sources on or off: every UPDATE of source fires it (PostgreSQL allows no
-- column list on a trigger with transition tables), and only the rows whose is_active changed count.
CREATE FUNCTION catalog_sources_switched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog_count_change (kind, delta)
        SELECT 'inactive_source', sum(CASE WHEN a.is_active THEN -1 ELSE 1 END)
        FROM switched_before b JOIN switched_after a ON a.id = b.id
        WHERE a.is_active IS DISTINCT FROM b.is_active
        HAVING sum(CASE WHEN a.is_active THEN -1 ELSE 1 END) <> 0;
    RETURN NULL;
END $$;

-- Triggers first, then the counts: creating a trigger locks its table against writes until this migration
-- commits, so no write falls between a count and the trigger that would have recorded it.
CREATE TRIGGER tr_season_counted_added AFTER INSERT ON season REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_counted();
CREATE TRIGGER tr_season_counted_removed AFTER DELETE ON season REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_counted();
CREATE TRIGGER tr_episode_counted_added AFTER INSERT ON episode REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_counted();
CREATE TRIGGER tr_episode_counted_removed AFTER DELETE ON episode REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_counted();
CREATE TRIGGER tr_source_counted_added AFTER INSERT ON source REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_sources_counted();
CREATE TRIGGER tr_source_counted_removed AFTER DELETE ON source REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_sources_counted();
CREATE TRIGGER tr_source_counted_switched AFTER UPDATE ON source REFERENCING OLD TABLE AS switched_before
    NEW TABLE AS switched_after FOR EACH STATEMENT EXECUTE FUNCTION catalog_sources_switched();

-- title_count (V6, V11), for the same reason: an upsert of titles (an import) now counts its renames itself, as
-- V11 had it count its new titles, and writes title_count once, as its transaction's last statement
-- (TitleWrites). Until now it updated the list's row at its first batch of new titles or renames and held it
-- locked until its commit, and a person adding, renaming or deleting a title of that list meanwhile waited —
-- past the 4 s statement limit at a million titles. The rename trigger skips the statements the setting names,
-- as the insert trigger already did.
CREATE OR REPLACE FUNCTION title_count_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('catalog.import_counts_titles', true) = TG_TABLE_NAME THEN
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM renamed_before b JOIN renamed_after a ON a.id = b.id
               WHERE a.title_search IS DISTINCT FROM b.title_search) THEN
        UPDATE title_count SET changes = changes + 1 WHERE kind = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;

INSERT INTO catalog_count_change (kind, delta) SELECT 'season', count(*) FROM season;
INSERT INTO catalog_count_change (kind, delta) SELECT 'episode', count(*) FROM episode;
INSERT INTO catalog_count_change (kind, delta) SELECT 'source', count(*) FROM source;
INSERT INTO catalog_count_change (kind, delta) SELECT 'inactive_source', count(*) FROM source WHERE NOT is_active;
/* [jooq ignore stop] */
