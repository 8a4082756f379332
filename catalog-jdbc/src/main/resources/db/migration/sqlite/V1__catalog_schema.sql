-- The catalog's schema (README, "Storage"), SQLite flavour.
-- It differs from ../postgresql/V1__catalog_schema.sql only where the databases truly differ:
--   * identity columns: SQLite rejects GENERATED ... AS IDENTITY; INTEGER PRIMARY KEY AUTOINCREMENT is
--     its 64-bit rowid, and AUTOINCREMENT keeps ids of deleted rows from being reused (API ids are stable),
--   * title_search needs no collation: SQLite's default BINARY is already byte order,
--   * source URLs are unique per owner directly (SQLite has no index entry size limit).
-- Timestamps are written by the adapter (UTC), never by column defaults, so both databases hold
-- the same values.

CREATE TABLE show (
    id                 INTEGER CONSTRAINT pk_show PRIMARY KEY AUTOINCREMENT,
    feed_key           VARCHAR NOT NULL,
    external_id        VARCHAR,
    slug               VARCHAR,
    title              VARCHAR NOT NULL,
    title_search       VARCHAR NOT NULL,
    description        VARCHAR,
    image              VARCHAR,
    release_date       DATE,
    imdb_rating        DOUBLE PRECISION,
    kinopoisk_rating   DOUBLE PRECISION,
    ratings_checked_at TIMESTAMP,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    CONSTRAINT uq_show_feed_key UNIQUE (feed_key)
);
CREATE INDEX ix_show_title_search ON show (title_search, id);
CREATE INDEX ix_show_release_date ON show (release_date, id);
CREATE INDEX ix_show_imdb_rating ON show (imdb_rating, id);
CREATE INDEX ix_show_kinopoisk_rating ON show (kinopoisk_rating, id);

CREATE TABLE season (
    id          INTEGER CONSTRAINT pk_season PRIMARY KEY AUTOINCREMENT,
    show_id     BIGINT  NOT NULL CONSTRAINT fk_season_show REFERENCES show (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    description VARCHAR,
    CONSTRAINT uq_season_show_number UNIQUE (show_id, number)
);

CREATE TABLE episode (
    id           INTEGER CONSTRAINT pk_episode PRIMARY KEY AUTOINCREMENT,
    season_id    BIGINT  NOT NULL CONSTRAINT fk_episode_season REFERENCES season (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    title        VARCHAR,
    description  VARCHAR,
    release_date DATE,
    CONSTRAINT uq_episode_season_number UNIQUE (season_id, number)
);

CREATE TABLE movie (
    id                 INTEGER CONSTRAINT pk_movie PRIMARY KEY AUTOINCREMENT,
    feed_key           VARCHAR NOT NULL,
    external_id        VARCHAR,
    slug               VARCHAR,
    title              VARCHAR NOT NULL,
    title_search       VARCHAR NOT NULL,
    description        VARCHAR,
    image              VARCHAR,
    release_date       DATE,
    release_year       INTEGER,
    imdb_rating        DOUBLE PRECISION,
    kinopoisk_rating   DOUBLE PRECISION,
    ratings_checked_at TIMESTAMP,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    CONSTRAINT uq_movie_feed_key UNIQUE (feed_key)
);
CREATE INDEX ix_movie_title_search ON movie (title_search, id);
CREATE INDEX ix_movie_release_date ON movie (release_date, id);
CREATE INDEX ix_movie_release_year ON movie (release_year, id);
CREATE INDEX ix_movie_imdb_rating ON movie (imdb_rating, id);
CREATE INDEX ix_movie_kinopoisk_rating ON movie (kinopoisk_rating, id);

CREATE TABLE source (
    id                   INTEGER CONSTRAINT pk_source PRIMARY KEY AUTOINCREMENT,
    movie_id             BIGINT CONSTRAINT fk_source_movie REFERENCES movie (id) ON DELETE CASCADE,
    episode_id           BIGINT CONSTRAINT fk_source_episode REFERENCES episode (id) ON DELETE CASCADE,
    url                  VARCHAR NOT NULL,
    source_type          VARCHAR NOT NULL,
    provider             VARCHAR,
    is_active            BOOLEAN NOT NULL DEFAULT TRUE,
    last_checked_at      TIMESTAMP,
    last_status          INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error           VARCHAR,
    CONSTRAINT ck_source_one_owner CHECK ((movie_id IS NULL) <> (episode_id IS NULL)),
    CONSTRAINT ck_source_type CHECK (source_type IN ('direct', 'playlist'))
);
CREATE UNIQUE INDEX uq_source_movie_url ON source (movie_id, url);
CREATE UNIQUE INDEX uq_source_episode_url ON source (episode_id, url);

CREATE TABLE task_run (
    id          INTEGER CONSTRAINT pk_task_run PRIMARY KEY AUTOINCREMENT,
    task        VARCHAR   NOT NULL,
    node        VARCHAR   NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR   NOT NULL,
    error       VARCHAR,
    CONSTRAINT ck_task_run_status CHECK (status IN ('running', 'succeeded', 'failed'))
);
CREATE INDEX ix_task_run_task_started ON task_run (task, started_at, id);

-- A run's counts in the order its report gave them.
CREATE TABLE task_run_count (
    run_id   BIGINT  NOT NULL CONSTRAINT fk_task_run_count_run REFERENCES task_run (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     VARCHAR NOT NULL,
    amount   BIGINT  NOT NULL,
    CONSTRAINT pk_task_run_count PRIMARY KEY (run_id, position)
);

-- The first rejections of a run (capped by the adapter; the count says how many there were).
CREATE TABLE task_run_rejection (
    run_id     BIGINT  NOT NULL CONSTRAINT fk_task_run_rejection_run REFERENCES task_run (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    item_index BIGINT  NOT NULL,
    item_id    VARCHAR,
    reason     VARCHAR NOT NULL,
    CONSTRAINT pk_task_run_rejection PRIMARY KEY (run_id, position)
);

CREATE TABLE task_run_note (
    run_id   BIGINT  NOT NULL CONSTRAINT fk_task_run_note_run REFERENCES task_run (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    note     VARCHAR NOT NULL,
    CONSTRAINT pk_task_run_note PRIMARY KEY (run_id, position)
);

-- Which node may run a task now (TaskLeases): at most one row per task.
CREATE TABLE task_lease (
    task        VARCHAR   NOT NULL CONSTRAINT pk_task_lease PRIMARY KEY,
    holder      VARCHAR   NOT NULL,
    lease_until TIMESTAMP NOT NULL,
    last_slot   TIMESTAMP NOT NULL
);
