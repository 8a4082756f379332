-- Title search without a scan, and list totals without a count (SQLite flavour; ../postgresql/V6 does the
-- same with pg_trgm and statement-level triggers).
--
-- title_index_movie / title_index_show: FTS5 trigram indexes of the normalised title (title_search, which
-- already folds case, accents and punctuation, so the tokenizer folds nothing: case_sensitive 1). A phrase
-- query of the normalised search text is then exactly "contains this substring" for 3 characters or more;
-- shorter searches cannot use trigrams and are answered without this index (see TitlePages). Contentless
-- (content=''): only row ids are read back, the text stays in the catalog table; contentless_delete=1
-- lets a row be removed by its id alone.
--
-- title_count: each list's size ("total") and a counter of changes that can alter a search's matches
-- ("changes": a title added, removed or renamed). Pages read them instead of counting the list; a search's
-- count is carried in its cursors together with "changes" and taken again only when that moved.
--
-- Triggers keep both in the same transaction as every write, whatever writes (imports, hand edits,
-- deletes, the API), so no write path can forget them.
CREATE VIRTUAL TABLE title_index_movie USING fts5(title_search, content='', contentless_delete=1,
    tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE title_index_show USING fts5(title_search, content='', contentless_delete=1,
    tokenize='trigram case_sensitive 1');
INSERT INTO title_index_movie (rowid, title_search) SELECT id, title_search FROM movie;
INSERT INTO title_index_show (rowid, title_search) SELECT id, title_search FROM show;

CREATE TABLE title_count (
    kind    VARCHAR NOT NULL CONSTRAINT pk_title_count PRIMARY KEY,
    total   BIGINT  NOT NULL,
    changes BIGINT  NOT NULL,
    CONSTRAINT ck_title_count_kind CHECK (kind IN ('show', 'movie'))
);
INSERT INTO title_count (kind, total, changes) SELECT 'show', count(*), 0 FROM show;
INSERT INTO title_count (kind, total, changes) SELECT 'movie', count(*), 0 FROM movie;

CREATE TRIGGER tr_movie_title_added AFTER INSERT ON movie BEGIN
    INSERT INTO title_index_movie (rowid, title_search) VALUES (new.id, new.title_search);
    UPDATE title_count SET total = total + 1, changes = changes + 1 WHERE kind = 'movie';
END;
CREATE TRIGGER tr_movie_title_renamed AFTER UPDATE OF title_search ON movie
    WHEN old.title_search IS NOT new.title_search BEGIN
    DELETE FROM title_index_movie WHERE rowid = old.id;
    INSERT INTO title_index_movie (rowid, title_search) VALUES (new.id, new.title_search);
    UPDATE title_count SET changes = changes + 1 WHERE kind = 'movie';
END;
CREATE TRIGGER tr_movie_title_removed AFTER DELETE ON movie BEGIN
    DELETE FROM title_index_movie WHERE rowid = old.id;
    UPDATE title_count SET total = total - 1, changes = changes + 1 WHERE kind = 'movie';
END;

CREATE TRIGGER tr_show_title_added AFTER INSERT ON show BEGIN
    INSERT INTO title_index_show (rowid, title_search) VALUES (new.id, new.title_search);
    UPDATE title_count SET total = total + 1, changes = changes + 1 WHERE kind = 'show';
END;
CREATE TRIGGER tr_show_title_renamed AFTER UPDATE OF title_search ON show
    WHEN old.title_search IS NOT new.title_search BEGIN
    DELETE FROM title_index_show WHERE rowid = old.id;
    INSERT INTO title_index_show (rowid, title_search) VALUES (new.id, new.title_search);
    UPDATE title_count SET changes = changes + 1 WHERE kind = 'show';
END;
CREATE TRIGGER tr_show_title_removed AFTER DELETE ON show BEGIN
    DELETE FROM title_index_show WHERE rowid = old.id;
    UPDATE title_count SET total = total - 1, changes = changes + 1 WHERE kind = 'show';
END;
