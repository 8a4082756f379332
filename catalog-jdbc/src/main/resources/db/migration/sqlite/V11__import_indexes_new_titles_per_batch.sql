-- An import indexes and counts the titles it inserts once per batch, not once per row (V6's row triggers
-- made a fresh import of 100,000 movies about 3x slower: each row's trigram insert into FTS5 and its UPDATE
-- of the one title_count row). ../postgresql/V11 does the same for its statement-level count triggers.
--
-- title_bulk_insert: per list, the range of ids an import is inserting at this moment (first_id to last_id;
-- NULL when none). The insert triggers skip the rows in the open range. Closing the range (setting it to
-- NULL, or opening the next one) indexes every row the table has in it with one INSERT … SELECT and adds
-- them to title_count with one UPDATE (tr_*_bulk_insert_closed). An import opens a range before inserting a
-- batch of new titles and closes it right after, in its own transaction (NewTitles). So:
--   * a rolled-back or crashed import leaves no range and no rows behind: neither was ever committed;
--   * the count is of the rows really in the range, whatever the import meant to insert;
--   * every other write (the API, the admin, hand renames, deletes, an import's updates and renames) still
--     goes through the row triggers, which no write path can forget;
--   * other connections never see a range: SQLite has one writer, the import holds the write lock from
--     BEGIN IMMEDIATE to COMMIT, and readers see only committed rows, where the range is NULL;
--   * ids come after the largest ever given (AUTOINCREMENT), so no row outside an import's batch gets an id
--     in its range. A row of an open range must not be renamed before the range closes (NewTitles closes it
--     right after the insert): the rename would index it once more.
-- A trigger of the main schema cannot read a TEMP table, hence an ordinary table, NULL at rest.
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
CREATE TRIGGER tr_movie_bulk_insert_closed AFTER UPDATE ON title_bulk_insert
    WHEN old.kind = 'movie' AND old.first_id IS NOT NULL
BEGIN
    INSERT INTO title_index_movie (rowid, title_search)
        SELECT id, title_search FROM movie WHERE id BETWEEN old.first_id AND old.last_id;
    UPDATE title_count
        SET total = total + (SELECT count(*) FROM movie WHERE id BETWEEN old.first_id AND old.last_id),
            changes = changes + 1
        WHERE kind = 'movie';
END;

DROP TRIGGER tr_show_title_added;
CREATE TRIGGER tr_show_title_added AFTER INSERT ON show
    WHEN NOT EXISTS (SELECT 1 FROM title_bulk_insert WHERE kind = 'show' AND new.id BETWEEN first_id AND last_id)
BEGIN
    INSERT INTO title_index_show (rowid, title_search) VALUES (new.id, new.title_search);
    UPDATE title_count SET total = total + 1, changes = changes + 1 WHERE kind = 'show';
END;
CREATE TRIGGER tr_show_bulk_insert_closed AFTER UPDATE ON title_bulk_insert
    WHEN old.kind = 'show' AND old.first_id IS NOT NULL
BEGIN
    INSERT INTO title_index_show (rowid, title_search)
        SELECT id, title_search FROM show WHERE id BETWEEN old.first_id AND old.last_id;
    UPDATE title_count
        SET total = total + (SELECT count(*) FROM show WHERE id BETWEEN old.first_id AND old.last_id),
            changes = changes + 1
        WHERE kind = 'show';
END;
