-- The web admin's "has inactive sources" filter asks, for each title of a page, whether one of its sources is
-- inactive (EXISTS … source.movie_id = movie.id AND source.is_active = 0; for a show, through its seasons and
-- episodes). Without statistics SQLite answered that through ix_source_inactive (is_active, id): for every title
-- it walked all the inactive sources of the catalog. Harmless while none are, but at 1,000,000 movies with 2% of
-- their sources switched off by a link check, the first page took 9 s and the page's count did not end within
-- 10 minutes. These partial indexes hold only the inactive sources, by owner: the planner prefers them for that
-- question (each title is one lookup in an index as small as the dead links are few), and ix_source_inactive
-- stays for the dead-links page, which walks inactive sources in id order.
CREATE INDEX ix_source_inactive_movie ON source (movie_id) WHERE is_active = 0;
CREATE INDEX ix_source_inactive_episode ON source (episode_id) WHERE is_active = 0;
