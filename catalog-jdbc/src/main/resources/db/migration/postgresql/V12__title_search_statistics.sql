-- PostgreSQL estimates how many titles a search (title_search LIKE '%…%') matches from the column's statistics:
-- the share of its histogram's bounds that contain the text. At the default statistics target (100) that is 101
-- titles of the whole list, so a text in half a percent of 1,000,000 titles ("amelie": 5,599) was estimated at
-- 87 or at 26,251 depending on which titles ANALYZE happened to sample — and the plan followed the guess: a page
-- in id order read all 5,599 matches and sorted them (5,043 heap pages), or the page's capped count scanned the
-- table for its 1,001 matches (177,000 rows, 35 ms) instead of reading them through the trigram index (5 ms).
-- 1,001 bounds (and a sample of 300,000 rows) put it at 4,150, and "night" (142,551) at 142,387: both plans as
-- they should be. ANALYZE of 1,000,000 movies takes about 4 s instead of 1 s. Only this column: every other
-- column's estimates are fine at the default. SQLite's FTS5 index needs no statistics (../sqlite/V12).
/* [jooq ignore start] */
ALTER TABLE movie ALTER COLUMN title_search SET STATISTICS 1000;
ALTER TABLE show ALTER COLUMN title_search SET STATISTICS 1000;
/* [jooq ignore stop] */
