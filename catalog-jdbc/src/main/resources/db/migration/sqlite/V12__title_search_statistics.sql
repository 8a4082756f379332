-- Nothing to do on SQLite: its title searches go through the FTS5 trigram index, whose plans need no statistics
-- (../postgresql/V12 raises PostgreSQL's statistics target for title_search). Kept so that both databases' schema
-- versions stay the same.
SELECT 1;
