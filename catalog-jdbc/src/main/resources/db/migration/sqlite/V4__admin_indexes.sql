-- The web admin's dead-link list: sources that are inactive or failed their last check, by id.
CREATE INDEX ix_source_inactive ON source (is_active, id);
CREATE INDEX ix_source_failures ON source (consecutive_failures, id);
