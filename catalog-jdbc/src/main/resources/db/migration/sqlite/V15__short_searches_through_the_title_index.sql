-- Searches of 1 or 2 characters through the trigram index (SQLite; ../postgresql/V15 does the same with an index
-- of each title's characters and pairs of characters).
--
-- A trigram index finds texts of 3 characters or more. A shorter search ("zq") was answered by walking the list
-- and testing every title, stopping at the page's end: fast for a common text, but a rare or absent one read the
-- whole list, for its page and again for its count (about 0.3-0.7 s a request at 1,000,000 titles), so anyone
-- could keep a core busy with two letters.
--
-- The index now holds each title followed by two spaces. A normalised title (title_search) never ends with a
-- space, and a normalised search text never starts or ends with one, so:
--   * every place where a text of 1 or 2 characters occurs in a title begins one of the index's trigrams (at the
--     title's last characters, a trigram ending in the spaces): the titles holding "zq" are exactly those with a
--     trigram beginning with "zq", which title_terms_<list> (FTS5's own list of its terms and where they occur,
--     fts5vocab 'instance') gives for a range of terms (term >= 'zq' AND term < 'zr') without reading the others;
--   * no search of 3 characters or more matches anything new: such a text would have to end with a space, or
--     hold two in a row, to match into the padding.
-- The triggers of V6 and V11 are created again with the padding, and both indexes rebuilt (at 1,000,000 movies
-- and 100,000 shows: about 5 s).
CREATE VIRTUAL TABLE title_terms_movie USING fts5vocab(title_index_movie, 'instance');
CREATE VIRTUAL TABLE title_terms_show USING fts5vocab(title_index_show, 'instance');

DROP TRIGGER tr_movie_title_added;
CREATE TRIGGER tr_movie_title_added AFTER INSERT ON movie
    WHEN NOT EXISTS (SELECT 1 FROM title_bulk_insert WHERE kind = 'movie' AND new.id BETWEEN first_id AND last_id)
BEGIN
    INSERT INTO title_index_movie (rowid, title_search) VALUES (new.id, new.title_search || '  ');
    UPDATE title_count SET total = total + 1, changes = changes + 1 WHERE kind = 'movie';
END;
DROP TRIGGER tr_movie_bulk_insert_closed;
CREATE TRIGGER tr_movie_bulk_insert_closed AFTER UPDATE ON title_bulk_insert
    WHEN old.kind = 'movie' AND old.first_id IS NOT NULL
BEGIN
    INSERT INTO title_index_movie (rowid, title_search)
        SELECT id, title_search || '  ' FROM movie WHERE id BETWEEN old.first_id AND old.last_id;
    UPDATE title_count
        SET total = total + (SELECT count(*) FROM movie WHERE id BETWEEN old.first_id AND old.last_id),
            changes = changes + 1
        WHERE kind = 'movie';
END;
DROP TRIGGER tr_movie_title_renamed;
CREATE TRIGGER tr_movie_title_renamed AFTER UPDATE OF title_search ON movie
    WHEN old.title_search IS NOT new.title_search BEGIN
    DELETE FROM title_index_movie WHERE rowid = old.id;
    INSERT INTO title_index_movie (rowid, title_search) VALUES (new.id, new.title_search || '  ');
    UPDATE title_count SET changes = changes + 1 WHERE kind = 'movie';
END;

DROP TRIGGER tr_show_title_added;
CREATE TRIGGER tr_show_title_added AFTER INSERT ON show
    WHEN NOT EXISTS (SELECT 1 FROM title_bulk_insert WHERE kind = 'show' AND new.id BETWEEN first_id AND last_id)
BEGIN
    INSERT INTO title_index_show (rowid, title_search) VALUES (new.id, new.title_search || '  ');
    UPDATE title_count SET total = total + 1, changes = changes + 1 WHERE kind = 'show';
END;
DROP TRIGGER tr_show_bulk_insert_closed;
CREATE TRIGGER tr_show_bulk_insert_closed AFTER UPDATE ON title_bulk_insert
    WHEN old.kind = 'show' AND old.first_id IS NOT NULL
BEGIN
    INSERT INTO title_index_show (rowid, title_search)
        SELECT id, title_search || '  ' FROM show WHERE id BETWEEN old.first_id AND old.last_id;
    UPDATE title_count
        SET total = total + (SELECT count(*) FROM show WHERE id BETWEEN old.first_id AND old.last_id),
            changes = changes + 1
        WHERE kind = 'show';
END;
DROP TRIGGER tr_show_title_renamed;
CREATE TRIGGER tr_show_title_renamed AFTER UPDATE OF title_search ON show
    WHEN old.title_search IS NOT new.title_search BEGIN
    DELETE FROM title_index_show WHERE rowid = old.id;
    INSERT INTO title_index_show (rowid, title_search) VALUES (new.id, new.title_search || '  ');
    UPDATE title_count SET changes = changes + 1 WHERE kind = 'show';
END;

-- The indexes again, padded ('delete-all' empties a contentless table; the rows go in in id order).
INSERT INTO title_index_movie (title_index_movie) VALUES ('delete-all');
INSERT INTO title_index_movie (rowid, title_search) SELECT id, title_search || '  ' FROM movie ORDER BY id;
INSERT INTO title_index_movie (title_index_movie) VALUES ('optimize');
INSERT INTO title_index_show (title_index_show) VALUES ('delete-all');
INSERT INTO title_index_show (rowid, title_search) SELECT id, title_search || '  ' FROM show ORDER BY id;
INSERT INTO title_index_show (title_index_show) VALUES ('optimize');
