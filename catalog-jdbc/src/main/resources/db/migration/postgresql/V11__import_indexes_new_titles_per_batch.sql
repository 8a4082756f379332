-- An import counts the titles it inserts once per batch, not once per row (PostgreSQL flavour; ../sqlite/V11
-- does the same for its row triggers and FTS5 index). V6's count triggers are statement-level, but an import
-- inserts through a JDBC batch, which PostgreSQL runs as one statement per row: one trigger call and one
-- UPDATE of the same title_count row per title, each a new version of that row in one long transaction.
--
-- While an import inserts a batch of new titles it sets catalog.import_counts_titles to the list's table
-- name, transaction-local (set_config(…, true)), adds the batch to title_count itself with one UPDATE, and
-- clears the setting (NewTitles). The added-rows trigger skips its count while the setting names its table.
-- A transaction-local setting ends with the transaction, committed or rolled back, and no other session
-- ever sees it; every other write (the API, the admin, renames, deletes) is counted by the triggers as before.
-- The trigram indexes are on title_search itself and need nothing here.
/* [jooq ignore start] */
CREATE OR REPLACE FUNCTION title_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added BIGINT;
BEGIN
    IF current_setting('catalog.import_counts_titles', true) = TG_TABLE_NAME THEN
        RETURN NULL;
    END IF;
    SELECT count(*) INTO added FROM added_rows;
    IF added > 0 THEN
        UPDATE title_count SET total = total + added, changes = changes + 1 WHERE kind = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;
/* [jooq ignore stop] */
