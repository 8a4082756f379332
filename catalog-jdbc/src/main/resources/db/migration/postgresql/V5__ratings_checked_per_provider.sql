-- Ratings staleness per provider: each rating field has its own check time, stamped only by the provider
-- that is that field's source (omdb: imdb_rating, kinopoisk: kinopoisk_rating). One ratings_checked_at per
-- title made a kinopoisk run look like an omdb run: omdb asked nothing for 24 hours.
--
-- Columns on the title rows rather than a rating_check table keyed by title and provider: the due walk
-- reads a page of titles by primary key and filters on the check time in the same row (no join, no
-- anti-join for "never checked", no second index over 1,000,000 rows), and a run's write stays the one
-- batched UPDATE it was, with no upsert into a second table. A new provider is a new rating field anyway,
-- which is a migration of its own.
ALTER TABLE show ADD COLUMN imdb_checked_at TIMESTAMP;
ALTER TABLE show ADD COLUMN kinopoisk_checked_at TIMESTAMP;
ALTER TABLE movie ADD COLUMN imdb_checked_at TIMESTAMP;
ALTER TABLE movie ADD COLUMN kinopoisk_checked_at TIMESTAMP;

-- Which provider stamped ratings_checked_at is not known. A field that has a value keeps the stamp (it was
-- answered, by its source or a mirror: no provider is asked again before it is stale); a field without one
-- stays never-checked, so its source asks at its next run (the omdb field left behind by kinopoisk runs).
UPDATE show SET imdb_checked_at = CASE WHEN imdb_rating IS NOT NULL THEN ratings_checked_at END,
                kinopoisk_checked_at = CASE WHEN kinopoisk_rating IS NOT NULL THEN ratings_checked_at END
 WHERE ratings_checked_at IS NOT NULL;
UPDATE movie SET imdb_checked_at = CASE WHEN imdb_rating IS NOT NULL THEN ratings_checked_at END,
                 kinopoisk_checked_at = CASE WHEN kinopoisk_rating IS NOT NULL THEN ratings_checked_at END
 WHERE ratings_checked_at IS NOT NULL;

ALTER TABLE show DROP COLUMN ratings_checked_at;
ALTER TABLE movie DROP COLUMN ratings_checked_at;
