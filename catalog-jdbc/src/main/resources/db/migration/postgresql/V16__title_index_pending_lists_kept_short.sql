-- The title search indexes' pending lists kept short (PostgreSQL only; ../sqlite/V16 does nothing).
--
-- A GIN index takes a written row's entries into an unsorted pending list, which every search through the index
-- reads in full, and merges them into the index only when the list passes gin_pending_list_limit (4 MB by
-- default), when autovacuum vacuums or analyses the table, or when gin_clean_pending_list is called. Imports merge
-- what they leave (GinPendingEntries), but other writes leave entries too: a rating written is a new version of
-- the whole row (its sort index changes, so the update cannot be HOT), and 5,001 ratings left 565 pending pages
-- (4.4 MB) in the two indexes of a catalog of 1,000,000 movies, to be read by every search — 3 to 7 ms each — until
-- autovacuum got there, which it does not for a change under a tenth of the table (nor at all where it is off).
--
-- 256 kB bounds that to about 32 pages per index. Measured at 1,000,000 movies on one machine in one sitting: the
-- import of the 1,000,000 movies took 125 s with it against 125.7 s and 132.8 s with 4 MB (each flush of the list
-- merges fewer entries, and there are more flushes: a wash), and 10,000 rating updates 8.0 s against 10.5 s at
-- 20,000 movies. The setting is the index's own storage parameter: an operator may still change it per index.
-- jOOQ's code generator reads the migrations and knows no storage parameters; it has nothing to learn here.
/* [jooq ignore start] */
ALTER INDEX ix_movie_title_trgm SET (gin_pending_list_limit = 256);
ALTER INDEX ix_show_title_trgm SET (gin_pending_list_limit = 256);
ALTER INDEX ix_movie_title_short SET (gin_pending_list_limit = 256);
ALTER INDEX ix_show_title_short SET (gin_pending_list_limit = 256);
/* [jooq ignore stop] */
