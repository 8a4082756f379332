-- The web admin's "locked fields" filter on the show and movie lists: only the few titles changed by hand
-- have a locked_fields (NULL otherwise), so a partial index on their ids finds them without a scan and
-- walks them in id order, and counting them reads nothing else.
CREATE INDEX ix_show_locked ON show (id) WHERE locked_fields IS NOT NULL;
CREATE INDEX ix_movie_locked ON movie (id) WHERE locked_fields IS NOT NULL;
