-- Searches of 1 or 2 characters through an index (PostgreSQL; ../sqlite/V15 does the same with FTS5's terms).
--
-- pg_trgm extracts no trigram from LIKE '%zq%', so a search shorter than 3 characters walked the list testing
-- every title: fast for a common text, which fills its page soon, but a rare or absent one read the whole list for
-- its page and again for its count — 11 requests a second at 1,000,000 movies (p50 0.5 s), where anyone could
-- keep the server's cores busy with two letters.
--
-- title_short_texts(title_search): every character and every pair of consecutive characters of the normalised
-- title (duplicates included: GIN keeps each key once per row). A title holds a text of 1 or 2 characters exactly
-- when the text is one of them, so "title_short_texts(title_search) @> ARRAY['zq']" is the search itself, and a
-- GIN index of the expression answers it from the titles holding it alone. The search decides with its capped
-- count whether to read those titles or to walk the list (TitlePages).
--
-- COST 1000: about 2 µs a title, far above an operator's default cost, so that the planner counts what
-- filtering each title through it costs when it weighs a walk of the list against the index. It is not enough on
-- its own: a text that is not among the column's most common elements is estimated at up to 0.5% of the list, so
-- a walk by primary key looks like 10,000 titles to fill a page (in a trial it was all 1,000,000, 2.4 s); hence
-- TitlePages reads a rare text's page from the index's ids computed first, as an array. STATISTICS 1000 on the
-- index's column: its most common elements cover the pairs of a large catalog, so the planner knows a common
-- text from a rare one.
--
-- Building both indexes reads every title once (about 20 s at 1,000,000 titles); every title written later costs
-- the function once more. Like every migration this one analyses nothing: the planner learns the new column's
-- elements at the next ANALYZE of the table (an import's, or autovacuum's); until then it estimates every short
-- text alike, which makes a common one's count read the index rather than the list's first titles, still right.
/* [jooq ignore start] */
CREATE FUNCTION title_short_texts(title_search VARCHAR) RETURNS TEXT[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
DECLARE
    texts TEXT[] := string_to_array(title_search, NULL);
BEGIN
    FOR i IN 1 .. char_length(title_search) - 1 LOOP
        texts := texts || substr(title_search, i, 2);
    END LOOP;
    RETURN texts;
END $$;

CREATE INDEX ix_movie_title_short ON movie USING gin (title_short_texts(title_search));
CREATE INDEX ix_show_title_short ON show USING gin (title_short_texts(title_search));
ALTER INDEX ix_movie_title_short ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX ix_show_title_short ALTER COLUMN 1 SET STATISTICS 1000;
/* [jooq ignore stop] */
