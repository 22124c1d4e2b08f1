-- Folio schema 1.
--
-- Each kind of record a user keeps in a list has its own table of the same shape:
-- the record itself is a JSON document (`body`, one aggregate such as a case study
-- with its decisions and metrics), and the columns around it are what SQL needs —
-- identity, manual order, lifecycle and a title for lists and the trash.

PRAGMA application_id = 1181707369; -- 'Foli'

CREATE TABLE profile (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE case_studies (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX case_studies_order ON case_studies (position);

CREATE TABLE recommendations (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX recommendations_order ON recommendations (position);

CREATE TABLE skills (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX skills_order ON skills (position);

CREATE TABLE experience (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX experience_order ON experience (position);

CREATE TABLE certifications (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX certifications_order ON certifications (position);

CREATE TABLE education (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX education_order ON education (position);

CREATE TABLE writing (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX writing_order ON writing (position);

CREATE TABLE editions (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (json_valid(body)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX editions_order ON editions (position);

-- Append-only log of exports; kept when its edition goes.
CREATE TABLE export_records (
    id          TEXT    PRIMARY KEY,
    edition_id  TEXT    REFERENCES editions (id) ON DELETE SET NULL,
    exported_at INTEGER NOT NULL,
    path        TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    pages       INTEGER NOT NULL,
    bytes       INTEGER NOT NULL
) STRICT;
CREATE INDEX export_records_by_edition ON export_records (edition_id, exported_at);

-- Full-text index over every live record, maintained by the store on each write.
-- `search_docs` gives each indexed record a rowid, so that the index is updated by
-- rowid rather than by scanning for a record's id.
CREATE TABLE search_docs (
    rowid       INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL
) STRICT;

CREATE VIRTUAL TABLE search USING fts5 (
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3 4'
);
