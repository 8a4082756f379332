-- When each source's next link check is due. validate-sources walks the sources due before it started, most
-- overdue first (ordered by this column, then id: the index below), and stops at its deadline; a source that
-- keeps failing is due later and later (the core's back-off rule computes the time). A source never checked
-- is due since the epoch, so it comes first. Existing sources are due from their last check.
ALTER TABLE source ADD COLUMN check_due_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00.0';
UPDATE source SET check_due_at = last_checked_at WHERE last_checked_at IS NOT NULL;
CREATE INDEX ix_source_check_due ON source (check_due_at, id);
