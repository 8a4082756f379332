-- Nothing to do on SQLite: the admin dashboard still counts its seasons, episodes and sources, which at 1,000,000
-- movies and 100,000 shows (6.5 million sources) takes SQLite about 0.35 s through its indexes (the sources'
-- split by is_active through ix_source_inactive), while PostgreSQL needed 6 to 11 s of sequential scans;
-- ../postgresql/V13 keeps those counts there instead. Counting costs the writes nothing here, where a trigger per
-- inserted row would slow every import. Kept so that both databases' schema versions stay the same.
SELECT 1;
