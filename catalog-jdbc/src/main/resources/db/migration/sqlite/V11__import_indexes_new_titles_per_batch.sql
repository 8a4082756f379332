-- An import indexes and counts the titles it inserts once per batch, not once per row (V6's row triggers
-- made a fresh import of 100,000 movies about 3x slower: each row's trigram insert into FTS5 and its UPDATE
-- of the one title_count row). ../postgresql/V11 does the same for its statement-level count triggers.
--
-- title_bulk_insert: per list, the ids of the rows an import is inserting at this moment (first_id to
-- last_id, NULL when none). The insert triggers skip exactly those rows; the import then fills the index
-- with one INSERT … SELECT of that id range and adds them to title_count with one UPDATE, and clears the
-- range — all in its own transaction (JooqMovieRepository / JooqShowRepository through NewTitles). So:
--   * a rolled-back or crashed import leaves no range behind (it was never committed) and no rows either;
--   * every other write (the API, the admin, hand renames, deletes, an import's updates and renames) still
--     goes through the triggers, which no write path can forget;
--   * other connections never see a range: SQLite has one writer, the import holds the write lock from
--     BEGIN IMMEDIATE to COMMIT, and readers see only committed rows, where the range is NULL;
--   * a range left set by mistake could only skip rows with ids in it, and AUTOINCREMENT never gives an id
--     twice, so rows inserted later fall outside it.
-- A trigger of the main schema cannot read a TEMP table, hence an ordinary (always empty-ranged) table.
CREATE TABLE title_bulk_insert (
    kind     VARCHAR NOT NULL CONSTRAINT pk_title_bulk_insert PRIMARY KEY,
    first_id BIGINT,
    last_id  BIGINT,
    CONSTRAINT ck_title_bulk_insert_kind CHECK (kind IN ('show', 'movie'))
);
INSERT INTO title_bulk_insert (kind, first_id, last_id) VALUES ('show', NULL, NULL), ('movie', NULL, NULL);

DROP TRIGGER tr_movie_title_added;
CREATE TRIGGER tr_movie_title_added AFTER INSERT ON movie
    WHEN NOT EXISTS (SELECT 1 FROM title_bulk_insert WHERE kind = 'movie' AND new.id BETWEEN first_id AND last_id)
BEGIN
    INSERT INTO title_index_movie (rowid, title_search) VALUES (new.id, new.title_search);
    UPDATE title_count SET total = total + 1, changes = changes + 1 WHERE kind = 'movie';
END;

DROP TRIGGER tr_show_title_added;
CREATE TRIGGER tr_show_title_added AFTER INSERT ON show
    WHEN NOT EXISTS (SELECT 1 FROM title_bulk_insert WHERE kind = 'show' AND new.id BETWEEN first_id AND last_id)
BEGIN
    INSERT INTO title_index_show (rowid, title_search) VALUES (new.id, new.title_search);
    UPDATE title_count SET total = total + 1, changes = changes + 1 WHERE kind = 'show';
END;
